import { createSubgraph, loadTypeDefs, parseEnv, type BuiltSubgraph, type SubgraphDeps } from '@mosaic/kit';
import type { Context } from './context';
import { createLoaders } from './data/loaders';
import { InstrumentCatalog } from './domain/instrument-catalog';
import { ForecastCache } from './domain/insights/forecast-cache';
import { MarketRuntime } from './domain/live/market-runtime';
import type { MarketFeed } from './domain/market/market-feed';
import { stocksEnv } from './env';
import { stocksPolicies } from './policies';
import { resolvers } from './resolvers';
import type { StocksSettings } from './settings';

export const typeDefs = loadTypeDefs(new URL('./schema.graphql', import.meta.url));

export interface StocksDeps extends SubgraphDeps {
  /** Injected so tests can move time. */
  now?: () => Date;
  /** A market feed to use instead of the configured one (tests inject a manual or fast one). */
  feed?: MarketFeed;
  /** Defaults to the STOCKS_* / FINNHUB_* environment (see env.ts). */
  settings?: StocksSettings;
}

export interface BuiltStocks extends BuiltSubgraph {
  /** The live side (feed, ingestion, alerts), for tests and benchmarks. */
  market: MarketRuntime;
  catalog: InstrumentCatalog;
  close: () => Promise<void>;
}

/**
 * Builds the subgraph and starts its live side (the feed, when this replica owns it: see
 * market-runtime.ts); `close` stops it and stores what was ingested.
 */
export async function buildSubgraph(deps: StocksDeps): Promise<BuiltStocks> {
  const now = deps.now ?? (() => new Date());
  const settings = deps.settings ?? parseEnv({ stocks: stocksEnv }).stocks;
  const catalog = await InstrumentCatalog.load(deps.db);
  const market = new MarketRuntime({ db: deps.db, pubsub: deps.pubsub, log: deps.log, now, catalog, settings, ...(deps.feed ? { feed: deps.feed } : {}) });
  const forecasts = new ForecastCache();
  const subgraph = createSubgraph<Context>({
    name: 'stocks',
    typeDefs,
    resolvers,
    verifier: deps.verifier,
    log: deps.log,
    policies: stocksPolicies,
    context: (base) => ({ ...base, db: deps.db, pubsub: deps.pubsub, now, catalog, market, forecasts, loaders: createLoaders(deps.db) }),
  });
  await market.start();
  return { subgraph, market, catalog, close: () => market.stop() };
}
