import type { CandleInterval } from '../intervals';

/**
 * What travels through pub/sub and what the GraphQL mappers resolve from: plain JSON (ISO
 * strings, no Dates), so an event read from Redis and a row read from PostgreSQL look alike.
 */
export interface QuoteView {
  symbol: string;
  last: number;
  bid: number | null;
  ask: number | null;
  previousClose: number | null;
  dayVolume: number;
  /** ISO-8601 UTC time of the last trade. */
  at: string;
}

export interface CandleView {
  symbol: string;
  interval: CandleInterval;
  /** ISO-8601 UTC bucket start. */
  start: string;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
  trades: number;
}
