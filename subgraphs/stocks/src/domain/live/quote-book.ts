import { utcDayStart } from '../intervals';
import type { Trade } from '../market/trade';
import type { QuoteView } from './views';

export interface QuoteState {
  symbol: string;
  last: number;
  bid: number | null;
  ask: number | null;
  previousClose: number | null;
  /** The UTC day `dayVolume` counts (epoch ms). */
  dayStart: number;
  dayVolume: number;
  /** Time of the latest trade (epoch ms). */
  at: number;
}

/**
 * The latest quote per symbol, maintained by the feed owner from the trades. The trading day is
 * the UTC day: the first trade of a new day makes the previous last price the previous close and
 * restarts the day volume.
 */
export class QuoteBook {
  private readonly states = new Map<string, QuoteState>();
  private dirty = new Set<string>();

  seed(states: readonly QuoteState[]): void {
    for (const state of states) this.states.set(state.symbol, { ...state });
  }

  get(symbol: string): QuoteState | undefined {
    return this.states.get(symbol);
  }

  /** Applies a trade; returns the quote after it. */
  apply(trade: Trade): QuoteState {
    const day = utcDayStart(trade.at);
    const known = this.states.get(trade.symbol);
    this.dirty.add(trade.symbol);
    if (!known) {
      const state: QuoteState = { symbol: trade.symbol, last: trade.price, bid: trade.bid ?? null, ask: trade.ask ?? null, previousClose: null, dayStart: day, dayVolume: trade.volume, at: trade.at };
      this.states.set(trade.symbol, state);
      return state;
    }
    if (trade.at < known.at) {
      // A late trade counts towards its day's volume but does not move the last price.
      if (day === known.dayStart) known.dayVolume += trade.volume;
      return known;
    }
    if (day > known.dayStart) {
      known.previousClose = known.last;
      known.dayStart = day;
      known.dayVolume = 0;
    }
    known.last = trade.price;
    known.bid = trade.bid ?? null;
    known.ask = trade.ask ?? null;
    known.dayVolume += trade.volume;
    known.at = trade.at;
    return known;
  }

  /** Quotes changed since the last call (to persist). */
  takeDirty(): QuoteState[] {
    const symbols = this.dirty;
    this.dirty = new Set();
    return [...symbols].map((symbol) => ({ ...this.states.get(symbol)! }));
  }

  restoreDirty(states: readonly QuoteState[]): void {
    for (const state of states) this.dirty.add(state.symbol);
  }
}

export function quoteView(state: QuoteState): QuoteView {
  return {
    symbol: state.symbol,
    last: state.last,
    bid: state.bid,
    ask: state.ask,
    previousClose: state.previousClose,
    dayVolume: state.dayVolume,
    at: new Date(state.at).toISOString(),
  };
}
