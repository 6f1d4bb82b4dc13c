import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations, createMemoryCacheStores, createMemoryPubSub, drizzleOver, openSqlClient, serveSubgraph, type SqlClient } from '@mosaic/kit';
import { collect, createTestAuth, graphql, noEvents, testLogger, wsClient, type TestAuth } from '@mosaic/testing';
import { buildSubgraph, type BuiltStocks } from '../src/build';
import stocks from '../src/index';
import { TEST_SETTINGS, entitiesOf } from './harness';
import { ManualFeed } from './manual-feed';
import { SimulatedMarket } from '../src/providers/simulated/market';
import { profileFor } from '../src/providers/simulated/profiles';
import { observedPubSub } from './observed-pubsub';
import { waitFor, wsUrl } from './wait';

/**
 * All-in-one mode stores data in PGlite (PostgreSQL compiled to WASM): the same migrations and
 * every kind of SQL the subgraph issues must work there too.
 */
let client: SqlClient;
let built: BuiltStocks;
let running: Awaited<ReturnType<typeof serveSubgraph>>;
let auth: TestAuth;
const feed = new ManualFeed();
const pubsub = observedPubSub(createMemoryPubSub());
const offset = Date.parse('2026-03-02T14:00:00Z') - Date.now();

beforeAll(async () => {
  client = await openSqlClient({ kind: 'pglite', dataDir: 'memory://' });
  await applyMigrations(client, stocks.migrations);
  auth = await createTestAuth();
  built = await buildSubgraph(
    { name: stocks.name, typeDefs: stocks.typeDefs, db: drizzleOver(client), verifier: auth.verifier, log: testLogger, pubsub, caches: createMemoryCacheStores(), events: noEvents, feed, now: () => new Date(Date.now() + offset) },
    TEST_SETTINGS,
  );
  running = await serveSubgraph(built.subgraph, { port: 0, host: '127.0.0.1', log: testLogger });
}, 60_000);
afterAll(async () => {
  await running.close();
  await built.close();
  await client.close();
});

describe('on PGlite', () => {
  it('ingests and merges candles, pages history, computes insights, imports CSV, runs watchlists and fires alerts once', async () => {
    const ada = await auth.newUser();
    const admin = await auth.newUser(['user', 'admin']);
    const url = `${running.url}/graphql`;
    const call = (query: string, variables: Record<string, unknown> = {}, token = ada.token) => graphql(url, query, variables, { token });

    // Watchlist and an alert (advisory locks, unique indexes, transactions).
    const list = await call(`mutation { createWatchlist(input: { name: "Sim", symbols: ["acme", "globx"] }) { id } }`);
    expect(list.errors).toBeUndefined();
    await call(`mutation($id: ID!) { addWatchlistSymbols(id: $id, symbols: ["HOOLI"]) { symbols } }`, { id: list.data!.createWatchlist.id });
    const alert = await call(`mutation { createPriceAlert(input: { symbol: "ACME", condition: ABOVE, price: 20000 }) { id } }`);
    expect(alert.errors).toBeUndefined();
    await waitFor(() => built.market.alerts!.armedCount() === 1);
    const socket = wsClient(wsUrl(url), ada.token);
    const fired = collect(socket, `subscription { priceAlertTriggered { price } }`);
    await waitFor(() => pubsub.listening(`stocks:alert-triggered:${ada.userId}`), 10_000, 'the alert subscription');

    // Two flushes of overlapping buckets: the merge-upsert must add them up.
    const start = Date.parse('2026-03-02T14:30:00Z');
    const market = new SimulatedMarket(['ACME', 'GLOBX', 'HOOLI'].map(profileFor), { seed: 'pglite', startAt: start - 15_000, tradeProbability: 1 });
    const trades = [];
    for (let i = 0; i < 600; i++) trades.push(...market.advanceTo(start + i * 15_000));
    feed.push(trades.slice(0, 900));
    await built.market.flush();
    feed.push(trades.slice(900));
    feed.push([{ symbol: 'ACME', price: 20_001, volume: 1, at: start + 600 * 15_000 }]);
    await built.market.alerts!.idle();
    await built.market.flush();
    expect((await fired.waitFor(1))[0]!.data!.priceAlertTriggered.price).toBe(20_001);

    const history = await call(`{ instrument(symbol: "GLOBX") { candles(interval: H1, first: 10, from: "2026-03-02T00:00:00Z") { nodes { start volume } } } }`);
    const volume = trades.filter((t) => t.symbol === 'GLOBX').reduce((sum, t) => sum + t.volume, 0);
    expect(history.data!.instrument.candles.nodes.reduce((sum: number, c: { volume: number }) => sum + c.volume, 0)).toBe(volume);

    const insights = await call(`{ instrument(symbol: "ACME") { indicators { sma20 rsi14 } forecast(horizon: 3) { points { expected } backtest { samples } } } }`);
    expect(insights.errors).toBeUndefined();
    expect(insights.data!.instrument.indicators.sma20).toBeGreaterThan(0);
    expect(insights.data!.instrument.forecast.points).toHaveLength(3);

    const lists = await call(entitiesOf(`watchlists { symbols instruments { quote { last } } } priceAlertTriggers { edges { node { price } } }`), { id: ada.publicId });
    expect(lists.data!._entities[0].watchlists[0].symbols).toEqual(['ACME', 'GLOBX', 'HOOLI']);
    expect(lists.data!._entities[0].watchlists[0].instruments.every((i: { quote: unknown }) => i.quote !== null)).toBe(true);
    expect(lists.data!._entities[0].priceAlertTriggers.edges).toHaveLength(1);

    const imported = await call(
      `mutation($csv: String!) { importCandles(input: { symbol: "IBM", interval: D1, csv: $csv }) { imported } }`,
      { csv: 'date,open,high,low,close,volume\n2026-02-27,210,212,209,211.5,1000\n2026-03-02,211.5,213,210,212,900' },
      admin.token,
    );
    expect(imported.data!.importCandles.imported).toBe(2);
    fired.stop();
    await socket.dispose();
  });
});
