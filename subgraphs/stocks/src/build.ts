import { createSubgraph, type BuildDeps, type BuiltSubgraph, type SubgraphDeps } from '@mosaic/kit';
import type { Context } from './context';
import { createLoaders } from './data/loaders';
import { InstrumentCatalog } from './domain/instrument-catalog';
import { ForecastCache } from './domain/insights/forecast-cache';
import { MarketRuntime } from './domain/live/market-runtime';
import type { MarketFeed } from './providers/market-feed';
import { resolvers } from './resolvers';
import type { StocksSettings } from './settings';

export interface StocksDeps extends SubgraphDeps {
  /** A market feed to use instead of the configured one (tests inject a manual or fast one). */
  feed?: MarketFeed;
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
export async function buildSubgraph(deps: BuildDeps<StocksDeps>, settings: StocksSettings): Promise<BuiltStocks> {
  const { now } = deps;
  const catalog = await InstrumentCatalog.load(deps.db);
  const market = new MarketRuntime({ db: deps.db, pubsub: deps.pubsub, log: deps.log, now, catalog, settings, ...(deps.feed ? { feed: deps.feed } : {}) });
  const forecasts = new ForecastCache();
  const subgraph = createSubgraph<Context>({
    deps,
    resolvers,
    context: (base) => ({ ...base, db: deps.db, pubsub: deps.pubsub, now, catalog, market, forecasts, loaders: createLoaders(deps.db) }),
  });
  await market.start();
  return { subgraph, market, catalog, close: () => market.stop() };
}
