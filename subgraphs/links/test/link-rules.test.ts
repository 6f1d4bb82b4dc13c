import { describe, expect, it } from 'vitest';
import { CODE_ALPHABET, generateCode, isReserved } from '../src/domain/codes';
import { daysOf, statsQuery } from '../src/domain/stats/stats-query';
import { checkTargetUrl } from '../src/domain/target-url';
import { pageTitle } from '../src/domain/titles/page-title';

const policy = { publicUrl: 'https://mos.ai', blockedHosts: ['evil.example'] };

describe('target URLs', () => {
  it('are normalised http(s) URLs', () => {
    expect(checkTargetUrl('  HTTPS://Example.COM:443/a b?q=1  ', policy)).toEqual({ ok: true, href: 'https://example.com/a%20b?q=1' });
    expect(checkTargetUrl('http://[::1]:8080/', policy)).toEqual({ ok: true, href: 'http://[::1]:8080/' });
  });

  it.each([
    ['javascript:alert(1)', /http or https/],
    ['JaVaScRiPt:alert(1)', /http or https/],
    ['data:text/html;base64,PHNjcmlwdD4=', /http or https/],
    ['file:///etc/passwd', /http or https/],
    ['mailto:a@b.c', /http or https/],
    ['//example.com', /absolute/],
    ['https://a:b@example.com', /user name/],
    ['https://mos.ai/abc', /shortener itself/],
    ['https://MOS.AI/abc', /shortener itself/],
    ['https://evil.example/', /blocked/],
    ['https://www.evil.example./', /blocked/],
    ['', /empty/],
  ])('refuse %s', (url, problem) => {
    const checked = checkTargetUrl(url, policy);
    expect(checked.ok).toBe(false);
    expect(!checked.ok && checked.problem).toMatch(problem);
  });

  it('let hosts that merely contain a blocked name through', () => {
    expect(checkTargetUrl('https://notevil.example/', policy).ok).toBe(true);
  });
});

describe('codes', () => {
  it('use only unambiguous characters', () => {
    expect(CODE_ALPHABET).not.toMatch(/[01ilo]/);
    const code = generateCode(7);
    expect(code).toHaveLength(7);
    expect([...code].every((char) => CODE_ALPHABET.includes(char))).toBe(true);
  });

  it("reserve the gateway's paths and the service's own words, ignoring case", () => {
    for (const word of ['graphql', 'GraphQL', 'healthz', 'readyz', 'metrics', 'qr', 'admin']) expect(isReserved(word), word).toBe(true);
    expect(isReserved('my-link')).toBe(false);
  });
});

describe('stats periods', () => {
  const now = new Date('2026-05-10T12:00:00Z');
  it('default to the 30 days before now, in UTC, without bots', () => {
    expect(statsQuery({}, now)).toEqual({ from: '2026-04-10T12:00:00.000Z', to: '2026-05-10T12:00:00.000Z', timeZone: 'UTC', includeBots: false });
  });

  it('list every local day they touch, across DST changes', () => {
    const query = statsQuery({ from: '2026-03-28T00:00:00Z', to: '2026-03-31T00:00:00Z', timeZone: 'Europe/Berlin' }, now);
    expect(daysOf(query)).toEqual(['2026-03-28', '2026-03-29', '2026-03-30', '2026-03-31']);
    expect(daysOf(statsQuery({ from: '2026-03-28T00:00:00Z', to: '2026-03-30T00:00:00Z', timeZone: 'UTC' }, now))).toEqual(['2026-03-28', '2026-03-29']);
    expect(daysOf(statsQuery({ from: '2025-05-10T12:00:00Z', to: '2026-05-10T12:00:00Z' }, now))).toHaveLength(366);
  });
});

describe('page titles', () => {
  it('prefer og:title, decode entities, fold whitespace and cut to length', () => {
    expect(pageTitle('<html><head><title>Plain &amp; simple</title></head>', 300)).toBe('Plain & simple');
    expect(pageTitle('<meta property="og:title" content="Open &#8220;Graph&#8221;"><title>Other</title>', 300)).toBe('Open “Graph”');
    expect(pageTitle('<TITLE lang="en">\n  Many\n\t lines  </TITLE>', 300)).toBe('Many lines');
    expect(pageTitle(`<title>${'x'.repeat(400)}</title>`, 300)).toHaveLength(300);
    expect(pageTitle('<p>no title</p>', 300)).toBeNull();
  });
});
