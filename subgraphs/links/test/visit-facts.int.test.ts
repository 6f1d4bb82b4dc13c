import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testLogger } from '@mosaic/testing';
import { openCountryLookup } from '../src/domain/visits/geoip';
import { VisitFacts } from '../src/domain/visits/visit-facts';
import { anonymisedNetwork } from '../src/domain/visits/network';
import { writeCountryDatabase } from './mmdb';

const dir = mkdtempSync(join(tmpdir(), 'links-geoip-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('visit facts', () => {
  it('cut addresses to their /24 or /48 before anything is stored', () => {
    expect(anonymisedNetwork('203.0.113.77')).toBe('203.0.113.0');
    expect(anonymisedNetwork('::ffff:198.51.100.9')).toBe('198.51.100.0');
    expect(anonymisedNetwork('2001:db8:abcd:12:1:2:3:4')).toBe('2001:db8:abcd::');
    expect(anonymisedNetwork('not an address')).toBeNull();
    expect(anonymisedNetwork(null)).toBeNull();
  });

  it('parse the user agent, flag bots, keep only the referrer host', () => {
    const facts = new VisitFacts(null);
    const chrome = facts.derive({ at: Date.parse('2026-01-02T03:04:05Z'), address: '203.0.113.77', referer: 'https://News.Example.com/a?b=c', userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36' });
    expect(chrome).toMatchObject({ minute: Date.parse('2026-01-02T03:04:00Z'), browser: 'Chrome', os: 'macOS', device: 'desktop', bot: false, network: '203.0.113.0', referrerHost: 'news.example.com', country: null });
    const bot = facts.derive({ at: Date.now(), address: '66.249.66.1', referer: 'not a url', userAgent: 'Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)' });
    expect(bot).toMatchObject({ bot: true, device: 'bot', referrerHost: null });
    expect(facts.derive({ at: Date.now(), address: null, referer: null, userAgent: null })).toMatchObject({ bot: true, browser: null });
    // What the parser does not recognise is unknown (null), not an empty name.
    expect(facts.derive({ at: Date.now(), address: null, referer: null, userAgent: 'curl/8.5.0' })).toMatchObject({ bot: true, browser: null, os: null, device: 'bot' });
  });

  it('count one visitor per network and browser', () => {
    const facts = new VisitFacts(null);
    const key = (address: string, userAgent: string) => facts.derive({ at: Date.now(), address, referer: null, userAgent }).visitorKey;
    expect(key('203.0.113.1', 'A')).toBe(key('203.0.113.200', 'A'));
    expect(key('203.0.113.1', 'A')).not.toBe(key('203.0.114.1', 'A'));
    expect(key('203.0.113.1', 'A')).not.toBe(key('203.0.113.1', 'B'));
  });

  it('look countries up in a MaxMind database when one is configured', async () => {
    const path = join(dir, 'countries.mmdb');
    writeCountryDatabase(path, { '203.0.113.0': 'DE', '198.51.100.0': 'JP' });
    const lookup = await openCountryLookup(path, testLogger);
    const facts = new VisitFacts(lookup);
    expect(facts.derive({ at: Date.now(), address: '203.0.113.77', referer: null, userAgent: 'x' }).country).toBe('DE');
    expect(facts.derive({ at: Date.now(), address: '198.51.100.1', referer: null, userAgent: 'x' }).country).toBe('JP');
    expect(facts.derive({ at: Date.now(), address: '192.0.2.1', referer: null, userAgent: 'x' }).country).toBeNull();
    expect(facts.derive({ at: Date.now(), address: '2001:db8::1', referer: null, userAgent: 'x' }).country).toBeNull();
  });
});
