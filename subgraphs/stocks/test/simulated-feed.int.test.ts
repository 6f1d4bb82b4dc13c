import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, collect, wsClient, type TestDatabase } from '@mosaic/testing';
import { startStocks, type StocksApp } from './harness';
import { waitFor, wsUrl } from './wait';

/**
 * The offline default end to end: a seeded simulator on exchange hours, warming up the missing
 * history on start (closed hours skipped), then streaming live at a fast tick rate.
 */
const settings = { feed: { kind: 'simulated' as const, seed: 'int', ticksPerSecond: 50, session: '14:30-21:00', warmUpDays: 1 }, flushIntervalMs: 200 };
// Tuesday 15:00 UTC: the one-day warm-up covers Monday from 15:00 to the close and Tuesday's first half hour.
const offset = Date.parse('2026-03-03T15:00:00Z') - Date.now();
const now = () => new Date(Date.now() + offset);
let database: TestDatabase;
let app: StocksApp;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await startStocks({ database, settings, now, feed: 'configured' });
  await app.built.market.ready();
  await app.built.market.flush();
}, 60_000);
afterAll(async () => {
  await app?.close();
  await database?.drop();
});

const minuteCandles = async (from: string, to: string) =>
  (await app.call(`query($from: DateTime, $to: DateTime) { instrument(symbol: "ACME") { candles(interval: M1, from: $from, to: $to, first: 5000) { nodes { start } } } }`, { from, to })).data!.instrument.candles.nodes as { start: string }[];

describe('simulated market', () => {
  it('warms up the missing history, in trading hours only', async () => {
    const monday = await minuteCandles('2026-03-02T00:00:00Z', '2026-03-03T00:00:00Z');
    // One day back from Tuesday 15:00: Monday 15:00–21:00, then Tuesday from the open.
    expect(monday).toHaveLength(360);
    expect(monday[0]!.start).toBe('2026-03-02T15:00:00.000Z');
    expect(monday.at(-1)!.start).toBe('2026-03-02T20:59:00.000Z');
    expect(await minuteCandles('2026-03-02T21:00:00Z', '2026-03-03T14:30:00Z')).toEqual([]);
    expect(await minuteCandles('2026-03-03T14:30:00Z', '2026-03-03T15:00:00Z')).toHaveLength(30);
    const daily = await app.call(`{ instrument(symbol: "ACME") { candles(interval: D1) { nodes { start } } quote { previousClose changePercent } } }`);
    expect(daily.data!.instrument.candles.nodes.map((n: { start: string }) => n.start)).toEqual(['2026-03-02T00:00:00.000Z', '2026-03-03T00:00:00.000Z']);
    expect(daily.data!.instrument.quote.previousClose).toBeGreaterThan(0);
    expect(typeof daily.data!.instrument.quote.changePercent).toBe('number');
  });

  it('streams live quotes after the warm-up', async () => {
    const client = wsClient(wsUrl(app.url));
    const stream = collect(client, `subscription { quotes(symbols: ["ACME", "HOOLI"]) { symbol last at } }`);
    const events = await stream.waitFor(10, 10_000);
    expect(new Set(events.map((event) => event.data!.quotes.symbol))).toEqual(new Set(['ACME', 'HOOLI']));
    expect(Date.parse(events[0]!.data!.quotes.at)).toBeGreaterThan(Date.parse('2026-03-03T15:00:00Z'));
    stream.stop();
    await client.dispose();
  });

  it('after a restart continues from the stored price and fills only the gap', async () => {
    await app.close();
    const before = await startStocksAgain();
    expect(before.lastPrice).toBeGreaterThan(0);
    await waitFor(() => (before.app.built.market.ingestor?.ingested ?? 0) > 0, 10_000, 'trades after the restart');
    const resumed = before.app.built.market.ingestor!.quotes.get('ACME')!;
    // A live step moves a fraction of a percent, not back to the profile's start price.
    expect(Math.abs(Math.log(resumed.last / before.lastPrice))).toBeLessThan(0.01);
    app = before.app;
  });
});

async function startStocksAgain() {
  const { quotes } = await import('../src/data/tables');
  const { eq } = await import('drizzle-orm');
  const [row] = await database.db().select().from(quotes).where(eq(quotes.symbol, 'ACME'));
  const restarted = await startStocks({ database, settings, now, feed: 'configured' });
  await restarted.built.market.ready();
  return { app: restarted, lastPrice: row!.last };
}
