/** Candle intervals, as the SDL's `CandleInterval` names them. */
export const CANDLE_INTERVALS = ['M1', 'M5', 'H1', 'D1'] as const;
export type CandleInterval = (typeof CANDLE_INTERVALS)[number];

export const INTERVAL_MS: Record<CandleInterval, number> = {
  M1: 60_000,
  M5: 5 * 60_000,
  H1: 60 * 60_000,
  D1: 24 * 60 * 60_000,
};

export const isCandleInterval = (value: unknown): value is CandleInterval => typeof value === 'string' && (CANDLE_INTERVALS as readonly string[]).includes(value);

/**
 * The start of the bucket `at` falls in. Buckets are aligned on the Unix epoch, which is midnight
 * UTC, so D1 buckets are UTC days (a US session, 13:30–21:00 UTC, fits within one).
 */
export function bucketStart(interval: CandleInterval, at: number): number {
  const size = INTERVAL_MS[interval];
  return Math.floor(at / size) * size;
}

export const utcDayStart = (at: number): number => bucketStart('D1', at);
