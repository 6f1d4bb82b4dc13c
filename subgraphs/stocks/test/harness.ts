import { createMemoryCacheStores, createMemoryPubSub, serveSubgraph, type PubSub, type QueryObserver } from '@mosaic/kit';
import { createTestAuth, createTestDatabase, graphql, noEvents, testLogger, type TestAuth, type TestDatabase } from '@mosaic/testing';
import { buildSubgraph } from '../src/build';
import stocks, { type MarketFeed, type StocksSettings, type Trade } from '../src/index';
import { ManualFeed } from './manual-feed';

export const TEST_SETTINGS: StocksSettings = {
  feed: { kind: 'simulated', seed: 'test', ticksPerSecond: 50, session: '24x7', warmUpDays: 0 },
  feedOwner: true,
  // Tests store ingested data with `flush()` when they need it, not on a timer.
  flushIntervalMs: 60_000,
  interestLingerMs: 0,
};

export interface StartOptions {
  onQuery?: QueryObserver;
  /** 'configured': the feed the settings describe (e.g. the real simulator); a ManualFeed by default. */
  feed?: MarketFeed | 'configured';
  settings?: Partial<StocksSettings>;
  pubsub?: PubSub;
  /** Reuse a database (several replicas on one database). */
  database?: TestDatabase;
  /** Share token verification between replicas. */
  auth?: TestAuth;
  now?: () => Date;
}

/**
 * The stocks subgraph over real HTTP (and graphql-ws) on a fresh database, with real access
 * tokens and a feed the test drives (ManualFeed) unless another is given.
 */
export async function startStocks(options: StartOptions = {}) {
  const database = options.database ?? (await createTestDatabase());
  const auth = options.auth ?? (await createTestAuth());
  const pubsub = options.pubsub ?? createMemoryPubSub();
  const feed = options.feed === 'configured' ? undefined : (options.feed ?? new ManualFeed());
  const built = await buildSubgraph(
    {
      name: stocks.name,
      typeDefs: stocks.typeDefs,
      db: database.db(options.onQuery),
      verifier: auth.verifier,
      log: testLogger,
      pubsub,
      caches: createMemoryCacheStores(),
      events: noEvents,
      now: options.now ?? (() => new Date()),
      ...(feed ? { feed } : {}),
    },
    { ...TEST_SETTINGS, ...options.settings },
  );
  const running = await serveSubgraph(built.subgraph, { port: 0, host: '127.0.0.1', log: testLogger });
  const url = `${running.url}/graphql`;
  const call = (query: string, variables: Record<string, unknown> = {}, token?: string) => graphql(url, query, variables, { token });
  return {
    url,
    database,
    auth,
    pubsub,
    feed,
    built,
    call,
    /** Trades through the feed, then stored (so queries see them). */
    async trade(trades: Trade[]) {
      if (!(feed instanceof ManualFeed)) throw new Error('trade() needs the ManualFeed');
      feed.push(trades);
      await built.market.alerts?.idle();
      await built.market.flush();
    },
    async close() {
      await running.close();
      await built.close();
      if (!options.database) await database.drop();
    },
  };
}

export type StocksApp = Awaited<ReturnType<typeof startStocks>>;

/** `me { … }` as the gateway resolves it: `_entities` with the viewer's own representation. */
export const entitiesOf = (selection: string) => `query($id: ID!) { _entities(representations: [{ __typename: "User", id: $id }]) { ... on User { ${selection} } } }`;

export { at, trade } from './trades';
