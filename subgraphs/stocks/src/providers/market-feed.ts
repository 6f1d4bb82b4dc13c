import type { CandleInterval } from '../domain/intervals';
import type { TradeBatch } from '../domain/market/trade';

export interface HistoryRequest {
  symbol: string;
  interval: CandleInterval;
  from: Date;
  to: Date;
}

/** A finished candle from a provider's history, prices in minor units. */
export interface HistoricalCandle {
  start: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}

/**
 * Where trades come from. The subgraph's feed owner runs exactly one (see market-runtime.ts).
 * `subscribe` / `unsubscribe` are idempotent set operations on the symbols the feed should stream;
 * reference counting (who watches what) happens above it, in UpstreamInterest.
 */
export interface MarketFeed {
  readonly name: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  subscribe(symbols: readonly string[]): void;
  unsubscribe(symbols: readonly string[]): void;
  /** Every batch of trades, in arrival order; returns the unsubscribe. */
  onTrade(listener: (batch: TradeBatch) => void): () => void;
  /** The provider's candle history, when it has one (used to backfill a fresh database). */
  history?(request: HistoryRequest): Promise<HistoricalCandle[]>;
}

/** Listener bookkeeping shared by the feeds. */
export class TradeListeners {
  private readonly listeners = new Set<(batch: TradeBatch) => void>();

  add(listener: (batch: TradeBatch) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  emit(batch: TradeBatch): void {
    if (batch.trades.length === 0) return;
    for (const listener of this.listeners) listener(batch);
  }
}
