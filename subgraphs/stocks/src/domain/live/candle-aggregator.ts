import { CANDLE_INTERVALS, bucketStart, type CandleInterval } from '../intervals';
import type { Trade } from '../market/trade';
import { addTrade, type Ohlcv } from './ohlcv';
import type { CandleView } from './views';

export interface LiveCandle extends Ohlcv {
  symbol: string;
  interval: CandleInterval;
  start: number;
}

/** A bucket's partial candle waiting to be merged into storage. */
export type CandleDelta = LiveCandle;

const keyOf = (symbol: string, interval: CandleInterval) => `${symbol}\u0000${interval}`;

/**
 * Aggregates trades into OHLCV candles at every interval, in memory. It keeps two things:
 * - the current (latest) bucket per symbol and interval, complete, for the live `candles` stream;
 * - the deltas since the last flush per bucket, which storage merges into what it has — so the
 *   stored candle is right even when the process started mid-bucket or a trade arrives late for
 *   a bucket that is no longer current.
 */
export class CandleAggregator {
  private readonly current = new Map<string, LiveCandle>();
  private pending = new Map<string, CandleDelta>();

  /** The stored state of current buckets (after a restart), so live candles continue them. */
  seed(candles: readonly LiveCandle[]): void {
    for (const candle of candles) {
      const key = keyOf(candle.symbol, candle.interval);
      const known = this.current.get(key);
      if (!known || known.start < candle.start) this.current.set(key, { ...candle });
    }
  }

  /**
   * Adds one trade to every interval and records the current candles it changed in `touched` (a
   * late trade for an older bucket changes none of them, only the pending deltas).
   */
  add(trade: Trade, touched?: Map<string, LiveCandle>): void {
    for (const interval of CANDLE_INTERVALS) {
      const start = bucketStart(interval, trade.at);
      const key = keyOf(trade.symbol, interval);
      const deltaKey = `${key}\u0000${start}`;
      const delta = this.pending.get(deltaKey);
      if (delta) addTrade(delta, trade);
      else this.pending.set(deltaKey, { symbol: trade.symbol, interval, start, ...addTrade(undefined, trade) });

      const live = this.current.get(key);
      if (live && live.start === start) {
        addTrade(live, trade);
        touched?.set(key, live);
      } else if (!live || live.start < start) {
        const fresh: LiveCandle = { symbol: trade.symbol, interval, start, ...addTrade(undefined, trade) };
        this.current.set(key, fresh);
        touched?.set(key, fresh);
      }
    }
  }

  currentCandle(symbol: string, interval: CandleInterval): LiveCandle | undefined {
    return this.current.get(keyOf(symbol, interval));
  }

  /** Hands over the deltas accumulated since the last call. */
  takePending(): CandleDelta[] {
    const deltas = [...this.pending.values()];
    this.pending = new Map();
    return deltas;
  }

  /** Puts deltas back (a flush failed): merged with anything that arrived meanwhile. */
  restore(deltas: readonly CandleDelta[]): void {
    for (const delta of deltas) {
      const key = `${keyOf(delta.symbol, delta.interval)}\u0000${delta.start}`;
      const newer = this.pending.get(key);
      this.pending.set(key, newer ? mergeDeltas(delta, newer) : delta);
    }
  }

  get pendingCount(): number {
    return this.pending.size;
  }
}

function mergeDeltas(older: CandleDelta, newer: CandleDelta): CandleDelta {
  return {
    ...older,
    open: newer.firstTradeAt < older.firstTradeAt ? newer.open : older.open,
    firstTradeAt: Math.min(older.firstTradeAt, newer.firstTradeAt),
    close: newer.lastTradeAt >= older.lastTradeAt ? newer.close : older.close,
    lastTradeAt: Math.max(older.lastTradeAt, newer.lastTradeAt),
    high: Math.max(older.high, newer.high),
    low: Math.min(older.low, newer.low),
    volume: older.volume + newer.volume,
    trades: older.trades + newer.trades,
  };
}

export function candleView(candle: LiveCandle): CandleView {
  return {
    symbol: candle.symbol,
    interval: candle.interval,
    start: new Date(candle.start).toISOString(),
    open: candle.open,
    high: candle.high,
    low: candle.low,
    close: candle.close,
    volume: candle.volume,
    trades: candle.trades,
  };
}
