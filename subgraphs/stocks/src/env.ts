import { z } from 'zod';
import { parseSession } from './domain/market/trading-session';
import type { StocksSettings } from './settings';

const flag = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1');

/**
 * STOCKS_FEED picks the market data source: `simulated` (default, offline) or `finnhub` (needs
 * FINNHUB_API_KEY). STOCKS_FEED_OWNER=false makes a replica serve subscriptions only (see README).
 */
export const stocksEnv = z
  .object({
    STOCKS_FEED: z.enum(['simulated', 'finnhub']).default('simulated'),
    STOCKS_FEED_OWNER: flag.default(true),
    STOCKS_SIM_SEED: z.string().min(1).default('mosaic'),
    STOCKS_SIM_TICKS_PER_SECOND: z.coerce.number().positive().max(1_000).default(2),
    STOCKS_SIM_SESSION: z
      .string()
      .default('24x7')
      .refine((value) => {
        try {
          parseSession(value);
          return true;
        } catch {
          return false;
        }
      }, 'must be "24x7" or "HH:MM-HH:MM" (UTC, opening before closing)'),
    STOCKS_SIM_WARMUP_DAYS: z.coerce.number().int().min(0).max(30).default(1),
    FINNHUB_API_KEY: z.string().optional(),
    FINNHUB_WS_URL: z.string().url().default('wss://ws.finnhub.io'),
    FINNHUB_REST_URL: z.string().url().default('https://finnhub.io/api/v1'),
    FINNHUB_BACKFILL_DAYS: z.coerce.number().int().min(0).max(365).default(5),
    STOCKS_FLUSH_INTERVAL_MS: z.coerce.number().int().min(50).max(60_000).default(1_000),
    STOCKS_INTEREST_LINGER_MS: z.coerce.number().int().min(0).max(600_000).default(5_000),
  })
  .superRefine((e, issues) => {
    if (e.STOCKS_FEED === 'finnhub' && !e.FINNHUB_API_KEY) {
      issues.addIssue({ code: 'custom', path: ['FINNHUB_API_KEY'], message: 'is required when STOCKS_FEED=finnhub' });
    }
  })
  .transform(
    (e): StocksSettings => ({
      feed:
        e.STOCKS_FEED === 'finnhub'
          ? { kind: 'finnhub', apiKey: e.FINNHUB_API_KEY!, wsUrl: e.FINNHUB_WS_URL, restUrl: e.FINNHUB_REST_URL, backfillDays: e.FINNHUB_BACKFILL_DAYS }
          : { kind: 'simulated', seed: e.STOCKS_SIM_SEED, ticksPerSecond: e.STOCKS_SIM_TICKS_PER_SECOND, session: e.STOCKS_SIM_SESSION, warmUpDays: e.STOCKS_SIM_WARMUP_DAYS },
      feedOwner: e.STOCKS_FEED_OWNER,
      flushIntervalMs: e.STOCKS_FLUSH_INTERVAL_MS,
      interestLingerMs: e.STOCKS_INTEREST_LINGER_MS,
    }),
  );
