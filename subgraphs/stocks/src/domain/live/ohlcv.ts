import type { Trade } from '../market/trade';

/** A candle's figures, with the times of the trades that set open and close (for merging out-of-order trades). */
export interface Ohlcv {
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
  trades: number;
  firstTradeAt: number;
  lastTradeAt: number;
}

/**
 * Adds a trade to a candle (or starts one). Open is the earliest trade, close the latest, by trade
 * time rather than arrival order, so a late trade never becomes the close. The same rule merges
 * partial candles in SQL (candles-repo `mergeCandles`).
 */
export function addTrade(candle: Ohlcv | undefined, trade: Trade): Ohlcv {
  if (!candle) {
    return { open: trade.price, high: trade.price, low: trade.price, close: trade.price, volume: trade.volume, trades: 1, firstTradeAt: trade.at, lastTradeAt: trade.at };
  }
  if (trade.at < candle.firstTradeAt) {
    candle.open = trade.price;
    candle.firstTradeAt = trade.at;
  }
  if (trade.at >= candle.lastTradeAt) {
    candle.close = trade.price;
    candle.lastTradeAt = trade.at;
  }
  if (trade.price > candle.high) candle.high = trade.price;
  if (trade.price < candle.low) candle.low = trade.price;
  candle.volume += trade.volume;
  candle.trades += 1;
  return candle;
}
