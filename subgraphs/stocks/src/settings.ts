/**
 * What the stocks subgraph can be configured with (env.ts reads it from the environment; tests
 * and the platform may pass it directly).
 */
export type FeedSettings =
  | {
      kind: 'simulated';
      /** Same seed + same step times → same prices. */
      seed: string;
      /** Simulator steps per second; each instrument trades at most once per step. */
      ticksPerSecond: number;
      /** "24x7" or "HH:MM-HH:MM" in UTC, Monday to Friday. */
      session: string;
      /** On start, replay the market up to this many days back (only the part not stored yet). */
      warmUpDays: number;
    }
  | {
      kind: 'finnhub';
      apiKey: string;
      wsUrl: string;
      restUrl: string;
      /** On start, fetch up to this many days of candles per real instrument (only what is not stored yet). */
      backfillDays: number;
    };

export interface StocksSettings {
  feed: FeedSettings;
  /**
   * Whether this replica ingests the feed (one replica should: see README). Every replica serves
   * subscriptions from pub/sub either way.
   */
  feedOwner: boolean;
  /** How often ingested candles and quotes are written to PostgreSQL. */
  flushIntervalMs: number;
  /** How long a symbol stays subscribed upstream after its last watcher left. */
  interestLingerMs: number;
}

export const DEFAULT_SETTINGS: StocksSettings = {
  feed: { kind: 'simulated', seed: 'mosaic', ticksPerSecond: 2, session: '24x7', warmUpDays: 1 },
  feedOwner: true,
  flushIntervalMs: 1_000,
  interestLingerMs: 5_000,
};
