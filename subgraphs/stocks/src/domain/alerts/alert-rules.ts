import type { PriceAlertRow } from '../../data/tables';
import type { PriceWindow } from './price-window';

export type AlertCondition = 'ABOVE' | 'BELOW' | 'PERCENT_MOVE';

/** An armed alert as the engine holds it in memory. */
export interface ArmedAlert {
  id: string;
  ownerId: string;
  symbol: string;
  condition: AlertCondition;
  /** ABOVE / BELOW threshold, minor units. */
  price: number | null;
  moveBps: number | null;
  windowMs: number | null;
  generation: number;
  armedAt: number;
}

/** An alert whose condition a trade met. */
export interface Firing {
  alert: ArmedAlert;
  /** The trade price. */
  price: number;
  at: number;
  /** PERCENT_MOVE: the window's low (move up) or high (move down) it moved from. */
  referencePrice: number | null;
}

export function armedAlertOf(row: PriceAlertRow): ArmedAlert {
  return {
    id: row.id,
    ownerId: row.ownerId,
    symbol: row.symbol,
    condition: row.condition as AlertCondition,
    price: row.price,
    moveBps: row.moveBps,
    windowMs: row.windowSeconds === null ? null : row.windowSeconds * 1000,
    generation: row.generation,
    armedAt: row.armedAt.getTime(),
  };
}

/**
 * Whether a trade fires an alert. ABOVE / BELOW are levels: a trade at or beyond the threshold
 * fires (also right after arming, if the price is already there). PERCENT_MOVE fires when the
 * price is at least `moveBps` above the lowest or below the highest price traded within the
 * window — counting only trades since the alert was (re-)armed, so a re-armed alert measures
 * fresh moves. `window` must already include this trade.
 */
export function evaluate(alert: ArmedAlert, trade: { price: number; at: number }, window: PriceWindow | undefined): Firing | null {
  if (trade.at < alert.armedAt) return null;
  switch (alert.condition) {
    case 'ABOVE':
      return trade.price >= alert.price! ? { alert, price: trade.price, at: trade.at, referencePrice: null } : null;
    case 'BELOW':
      return trade.price <= alert.price! ? { alert, price: trade.price, at: trade.at, referencePrice: null } : null;
    case 'PERCENT_MOVE': {
      if (!window) return null;
      const since = Math.max(alert.armedAt, trade.at - alert.windowMs!);
      const move = alert.moveBps! / 10_000;
      const low = window.minSince(since);
      if (low !== null && trade.price >= low * (1 + move)) return { alert, price: trade.price, at: trade.at, referencePrice: low };
      const high = window.maxSince(since);
      if (high !== null && trade.price <= high * (1 - move)) return { alert, price: trade.price, at: trade.at, referencePrice: high };
      return null;
    }
  }
}
