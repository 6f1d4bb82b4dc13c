import type { Db, PubSub, RequestContext } from '@mosaic/kit';
import type { Loaders } from './data/loaders';
import type { InstrumentCatalog } from './domain/instrument-catalog';
import type { ForecastCache } from './domain/insights/forecast-cache';
import type { MarketRuntime } from './domain/live/market-runtime';

/** What stocks' domain functions need beyond the request. */
export interface StocksServices {
  db: Db;
  pubsub: PubSub;
  /** Injected so tests can move time. */
  now: () => Date;
  catalog: InstrumentCatalog;
  market: MarketRuntime;
  forecasts: ForecastCache;
}

export interface Context extends RequestContext, StocksServices {
  loaders: Loaders;
}
