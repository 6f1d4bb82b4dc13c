import { defineSubgraph } from '@mosaic/kit';
import { buildSubgraph, typeDefs, type StocksDeps } from './build';

export const stocks = defineSubgraph<StocksDeps>(import.meta.url, { name: 'stocks', defaultPort: 4005, typeDefs, build: buildSubgraph });

export type { StocksDeps, BuiltStocks } from './build';
export type { StocksSettings, FeedSettings } from './settings';
export type { MarketFeed, HistoricalCandle } from './domain/market/market-feed';
export type { Trade, TradeBatch } from './domain/market/trade';
/** For benchmarks: the trade pipeline (quotes + candles + events) and the forecast, callable directly. */
export { Ingestor } from './domain/live/ingestor';
export { forecastPrices } from './domain/insights/forecast';
export { SimulatedMarket } from './domain/market/simulated-market';
export { profileFor } from './domain/market/simulation-profiles';
