import { defineSubgraph } from '@mosaic/kit';
import { buildSubgraph } from './build';
import { stocksEnv } from './env';

export default defineSubgraph(import.meta.url, {
  settings: stocksEnv,
  deployment: {
    env: { STOCKS_FEED: 'simulated', STOCKS_FEED_OWNER: 'true' },
    singleReplica: 'One replica owns the market feed (STOCKS_FEED_OWNER=true); scale subscription-only replicas as a second Deployment with STOCKS_FEED_OWNER=false.',
  },
  build: buildSubgraph,
});

export type { StocksDeps, BuiltStocks } from './build';
export type { StocksSettings, FeedSettings } from './settings';
export type { MarketFeed, HistoricalCandle } from './providers/market-feed';
export type { Trade, TradeBatch } from './domain/market/trade';
/** For benchmarks: the trade pipeline (quotes + candles + events) and the forecast, callable directly. */
export { Ingestor } from './domain/live/ingestor';
export { forecastPrices } from './domain/insights/forecast';
export { SimulatedMarket } from './providers/simulated/market';
export { profileFor } from './providers/simulated/profiles';
