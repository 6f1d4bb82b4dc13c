import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes } from '@mosaic/testing';
import { shorten, startLinks, type LinksApp } from './harness';
import { writeCountryDatabase } from './mmdb';

let clock = Date.parse('2026-03-10T22:30:00Z');
let app: LinksApp;
const dir = mkdtempSync(join(tmpdir(), 'links-stats-'));
beforeAll(async () => {
  writeCountryDatabase(join(dir, 'countries.mmdb'), { '203.0.113.0': 'DE', '198.51.100.0': 'FR' });
  app = await startLinks({ env: { LINKS_TRUST_PROXY: 'true', LINKS_GEOIP_DB: join(dir, 'countries.mmdb') }, deps: { now: () => new Date(clock) } });
});
afterAll(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

const UA = {
  chrome: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  iphone: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
  firefox: 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
  googlebot: 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
};

const STATS = `query($id: ID!, $from: DateTime, $to: DateTime, $timeZone: String, $includeBots: Boolean) {
  link(id: $id) { stats(from: $from, to: $to, timeZone: $timeZone, includeBots: $includeBots) {
    totalVisits uniqueVisitors botVisits byDay { date visits uniqueVisitors } byHourOfDay { hour visits }
    referrers { value visits } browsers { value visits } operatingSystems { value visits } devices { value visits } countries { value visits }
  } }
}`;
const PERIOD = { from: '2026-03-09T00:00:00Z', to: '2026-03-12T00:00:00Z' };

describe('Link.stats', () => {
  let owner: { token: string };
  let linkId: string;

  beforeAll(async () => {
    owner = await app.auth.newUser();
    const link = await shorten(app, owner.token, { url: 'https://example.com/stats' });
    linkId = link.id;
    const visit = async (at: string, ua: string, address: string, referer?: string) => {
      clock = Date.parse(at);
      const response = await app.visit(`/${link.code}`, { headers: { 'user-agent': ua, 'x-forwarded-for': address, ...(referer ? { referer } : {}) } });
      expect(response.status).toBe(302);
    };
    await visit('2026-03-10T22:30:00Z', UA.chrome, '203.0.113.7', 'https://news.ycombinator.com/item?id=1');
    await visit('2026-03-10T23:30:00Z', UA.iphone, '2001:db8:abcd:12::1', 'https://t.co/xyz');
    // The same phone on the same network: a second visit, not a second visitor.
    await visit('2026-03-10T23:45:00Z', UA.iphone, '2001:db8:abcd:99::2', 'https://t.co/xyz');
    await visit('2026-03-11T10:00:00Z', UA.googlebot, '66.249.66.1');
    await visit('2026-03-11T10:05:00Z', UA.firefox, '198.51.100.20');
    // Outside the period asked for.
    await visit('2026-03-14T10:00:00Z', UA.firefox, '198.51.100.20');
    await app.built.visits.flush();
  });

  it('counts visits, unique visitors and bots, by day and hour, by referrer, browser, OS and device', async () => {
    const result = await app.call(STATS, { id: linkId, ...PERIOD }, owner.token);
    expect(result.errors).toBeUndefined();
    const stats = result.data!.link.stats;
    expect(stats).toMatchObject({ totalVisits: 4, uniqueVisitors: 3, botVisits: 1 });
    expect(stats.byDay).toEqual([
      { date: '2026-03-09', visits: 0, uniqueVisitors: 0 },
      { date: '2026-03-10', visits: 3, uniqueVisitors: 2 },
      { date: '2026-03-11', visits: 1, uniqueVisitors: 1 },
    ]);
    expect(stats.byHourOfDay).toHaveLength(24);
    expect(stats.byHourOfDay.filter((entry: { visits: number }) => entry.visits > 0)).toEqual([
      { hour: 10, visits: 1 },
      { hour: 22, visits: 1 },
      { hour: 23, visits: 2 },
    ]);
    expect(stats.referrers).toEqual([
      { value: 't.co', visits: 2 },
      { value: 'news.ycombinator.com', visits: 1 },
      { value: null, visits: 1 },
    ]);
    expect(stats.browsers).toEqual([
      { value: 'Safari', visits: 2 },
      { value: 'Chrome', visits: 1 },
      { value: 'Firefox', visits: 1 },
    ]);
    expect(stats.operatingSystems).toEqual([
      { value: 'iOS', visits: 2 },
      { value: 'Linux', visits: 1 },
      { value: 'Windows', visits: 1 },
    ]);
    expect(stats.devices).toEqual([
      { value: 'desktop', visits: 2 },
      { value: 'mobile', visits: 2 },
    ]);
    // From the GeoIP database given in LINKS_GEOIP_DB; the IPv6 network is not in it.
    expect(stats.countries).toEqual([
      { value: null, visits: 2 },
      { value: 'DE', visits: 1 },
      { value: 'FR', visits: 1 },
    ]);
  });

  it('puts days and hours in the time zone asked for, and includes bots when asked', async () => {
    const berlin = (await app.call(STATS, { id: linkId, ...PERIOD, timeZone: 'Europe/Berlin', includeBots: true }, owner.token)).data!.link.stats;
    expect(berlin).toMatchObject({ totalVisits: 5, botVisits: 1 });
    // 22:30Z is 23:30 in Berlin (UTC+1 in March); 23:30Z and 23:45Z are already the 11th there.
    expect(berlin.byDay.map((day: { date: string; visits: number }) => [day.date, day.visits])).toEqual([
      ['2026-03-09', 0],
      ['2026-03-10', 1],
      ['2026-03-11', 4],
      ['2026-03-12', 0],
    ]);
    expect(berlin.byHourOfDay.filter((entry: { visits: number }) => entry.visits > 0).map((entry: { hour: number }) => entry.hour)).toEqual([0, 11, 23]);
    expect(berlin.devices).toContainEqual({ value: 'bot', visits: 1 });
  });

  it('refuses a bad period or time zone with the argument, and shows nothing to others', async () => {
    const field = async (variables: Record<string, unknown>) => (await app.call(STATS, { id: linkId, ...variables }, owner.token)).errors?.[0]?.extensions;
    expect(await field({ timeZone: 'Mars/Olympus_Mons' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'timeZone' });
    expect(await field({ from: '2026-03-12T00:00:00Z', to: '2026-03-11T00:00:00Z' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'from' });
    expect(await field({ from: '2024-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'from' });
    const stranger = await app.auth.newUser();
    expect((await app.call(STATS, { id: linkId }, stranger.token)).data).toEqual({ link: null });
    const admin = await app.auth.newUser(['user', 'admin']);
    expect((await app.call(STATS, { id: linkId, ...PERIOD }, admin.token)).data!.link.stats.totalVisits).toBe(4);
  });
});

describe('orphan visits', () => {
  it('counts requests for unknown codes by path, for admins only', async () => {
    clock = Date.parse('2026-03-20T12:00:00Z');
    for (const path of ['/nope', '/nope', '/wp-login.php']) await app.visit(path, { headers: { 'user-agent': UA.firefox, 'x-forwarded-for': '192.0.2.1' } });
    await app.built.visits.flush();
    const query = `{ linkOrphanVisits(from: "2026-03-20T00:00:00Z", to: "2026-03-21T00:00:00Z") { totalVisits uniqueVisitors paths { value visits } byDay { date visits } } }`;
    const admin = await app.auth.newUser(['user', 'admin']);
    const result = await app.call(query, {}, admin.token);
    expect(result.errors).toBeUndefined();
    expect(result.data!.linkOrphanVisits).toEqual({
      totalVisits: 3,
      uniqueVisitors: 1,
      paths: [
        { value: '/nope', visits: 2 },
        { value: '/wp-login.php', visits: 1 },
      ],
      byDay: [{ date: '2026-03-20', visits: 3 }],
    });
    const user = await app.auth.newUser();
    expect(errorCodes(await app.call(query, {}, user.token))).toEqual(['FORBIDDEN']);
  });
});
