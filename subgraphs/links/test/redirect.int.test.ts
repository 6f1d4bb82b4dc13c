import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { visits as visitsTable } from '../src/data/tables';
import { shorten, startLinks, UPDATE, DELETE, FIND, type LinksApp } from './harness';

let app: LinksApp;
let owner: { token: string };
beforeAll(async () => {
  app = await startLinks();
  owner = await app.auth.newUser();
});
afterAll(() => app.close());

const CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const browser = { 'user-agent': CHROME };

describe('GET /<code>', () => {
  it('redirects with 302, or 301 for a permanent link, codes matched ignoring case; HEAD too', async () => {
    const temporary = await shorten(app, owner.token, { url: 'https://example.com/t' });
    await shorten(app, owner.token, { url: 'https://example.com/p', alias: 'Perm-Link', redirectType: 'PERMANENT' });
    const first = await app.visit(`/${temporary.code}`, { headers: browser });
    expect(first.status).toBe(302);
    expect(first.headers.get('location')).toBe('https://example.com/t');
    expect(first.headers.get('cache-control')).toBe('private, no-cache');
    expect((await app.visit('/perm-LINK', { headers: browser })).status).toBe(301);
    const head = await app.visit(`/${temporary.code}`, { method: 'HEAD' });
    expect([head.status, head.headers.get('location')]).toEqual([302, 'https://example.com/t']);
    expect((await app.visit(`/${temporary.code}`, { method: 'PUT' })).status).toBe(405);
  });

  it('answers a cached code without any SQL statement (visits are written later, in batches)', async () => {
    const quiet = await startLinks({ env: { LINKS_VISIT_FLUSH_MS: '60000' } });
    try {
      const user = await quiet.auth.newUser();
      const link = await shorten(quiet, user.token, { url: 'https://example.com/hot' });
      quiet.counter.reset();
      for (let i = 0; i < 20; i++) expect((await quiet.visit(`/${link.code}`)).status).toBe(302);
      expect(quiet.counter.statements).toEqual([]);
      await quiet.built.visits.flush();
      // One batch: a transaction of an insert and a counter update.
      expect(quiet.counter.statements.filter((statement) => /^\s*(insert|update)/i.test(statement))).toHaveLength(2);
    } finally {
      await quiet.close();
    }
  });

  it('gives unknown codes and other paths a 404 page, and counts them as orphan visits', async () => {
    const before = await app.rows();
    const unknown = await app.visit('/no-such-code', { headers: browser });
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await unknown.text()).toContain('There is no short link at this address');
    expect((await app.visit('/a/b/c')).status).toBe(404);
    expect((await app.visit('/%E0%A4%A')).status).toBe(404);
    await app.built.visits.flush();
    expect((await app.rows()).orphans).toBe(before.orphans + 3);
  });

  it('gives expired, disabled and deleted links 410 or 404 pages, and sees edits at once', async () => {
    const link = await shorten(app, owner.token, { url: 'https://example.com/v1', expiresAt: new Date(Date.now() + 600).toISOString() });
    expect((await app.visit(`/${link.code}`)).headers.get('location')).toBe('https://example.com/v1');
    await app.call(UPDATE, { id: link.id, input: { url: 'https://example.com/v2' } }, owner.token);
    expect((await app.visit(`/${link.code}`)).headers.get('location')).toBe('https://example.com/v2');
    await new Promise((resolve) => setTimeout(resolve, 700));
    const expired = await app.visit(`/${link.code}`);
    expect(expired.status).toBe(410);
    expect(await expired.text()).toContain('expired');
    await app.call(UPDATE, { id: link.id, input: { expiresAt: null, disabled: true } }, owner.token);
    const disabled = await app.visit(`/${link.code}`);
    expect(disabled.status).toBe(410);
    expect(await disabled.text()).toContain('disabled');
    await app.call(DELETE, { id: link.id }, owner.token);
    expect((await app.visit(`/${link.code}`)).status).toBe(404);
    // A code remembered as unknown is found as soon as a link takes it.
    expect((await app.visit('/soon-taken')).status).toBe(404);
    await shorten(app, owner.token, { url: 'https://example.com/taken', alias: 'soon-taken' });
    expect((await app.visit('/soon-taken')).status).toBe(302);
  });

  it('asks for the password of a protected link, redirects (303) on the right one and limits guessing', async () => {
    const link = await shorten(app, owner.token, { url: 'https://example.com/secret', password: 'correct horse' });
    const form = await app.visit(`/${link.code}`);
    expect(form.status).toBe(200);
    expect(await form.text()).toContain('<form method="post">');
    const post = (password: string) =>
      app.visit(`/${link.code}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ password }).toString() });
    const wrong = await post('wrong');
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain('not right');
    const right = await post('correct horse');
    expect([right.status, right.headers.get('location')]).toEqual([303, 'https://example.com/secret']);
    for (let i = 0; i < 9; i++) await post('still wrong');
    expect((await post('correct horse')).status).toBe(429);
  });

  it('counts max visits exactly under concurrency: the limit redirects, the rest get 410', async () => {
    const link = await shorten(app, owner.token, { url: 'https://example.com/limited', maxVisits: 10 });
    const statuses = await Promise.all(Array.from({ length: 40 }, () => app.visit(`/${link.code}`, { headers: browser }).then((response) => response.status)));
    expect(statuses.filter((status) => status === 302)).toHaveLength(10);
    expect(statuses.filter((status) => status === 410)).toHaveLength(30);
    await app.built.visits.flush();
    const read = await app.call(`query($id: ID!) { link(id: $id) { visitCount state stats { totalVisits } } }`, { id: link.id }, owner.token);
    expect(read.data!.link).toEqual({ visitCount: 10, state: 'EXHAUSTED', stats: { totalVisits: 10 } });
    const exhausted = await app.visit(`/${link.code}`);
    expect(await exhausted.text()).toContain('reached the number of visits');
  });
});

describe('GET /<code>/qr', () => {
  it('draws the short URL as SVG or PNG, refuses bad options and unknown codes', async () => {
    const link = await shorten(app, owner.token, { url: 'https://example.com/qr', alias: 'qr-demo' });
    const svg = await app.visit('/qr-demo/qr');
    expect(svg.status).toBe(200);
    expect(svg.headers.get('content-type')).toBe('image/svg+xml');
    expect(await svg.text()).toMatch(/^<svg /);
    const png = await app.visit('/QR-demo/qr?format=png&size=128');
    expect(png.headers.get('content-type')).toBe('image/png');
    const bytes = new Uint8Array(await png.arrayBuffer());
    expect([...bytes.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(new DataView(bytes.buffer).getUint32(16)).toBe(128);
    expect((await app.visit('/qr-demo/qr?size=9999')).status).toBe(400);
    expect((await app.visit('/qr-demo/qr?format=gif')).status).toBe(400);
    expect((await app.visit('/nothing-here/qr')).status).toBe(404);
    // Drawing a QR code is not a visit.
    await app.built.visits.flush();
    expect((await app.call(FIND, { id: link.id }, owner.token)).data!.link.visitCount).toBe(0);
  });
});

describe('visits', () => {
  it('are all written, in batches, and none is lost when the service shuts down', async () => {
    const own = await startLinks({ env: { LINKS_VISIT_FLUSH_MS: '60000', LINKS_VISIT_BATCH: '10000' } });
    try {
      const user = await own.auth.newUser();
      const link = await shorten(own, user.token, { url: 'https://example.com/counted' });
      const sent = 300;
      for (let round = 0; round < sent / 50; round++) await Promise.all(Array.from({ length: 50 }, () => own.visit(`/${link.code}`)));
      expect(own.built.visits.pending).toBe(sent);
      expect((await own.rows()).visits).toBe(0);
      await own.built.close();
      expect((await own.rows()).visits).toBe(sent);
      // The same visitor in the same minute: one row counting all of them (two if the test straddles a minute).
      expect((await own.database.db().select().from(visitsTable)).length).toBeLessThanOrEqual(2);
      const read = await own.call(FIND, { id: link.id }, user.token);
      expect(read.data!.link.visitCount).toBe(sent);
    } finally {
      await own.close();
    }
  });
});
