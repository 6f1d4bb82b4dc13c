import { z } from 'zod';
import type { RetryPolicy } from './providers/http/fetch-json';
import type { BreakerSettings } from './providers/http/circuit-breaker';

const optional = z.string().optional().or(z.literal('').transform(() => undefined));

/**
 * WEATHER_PROVIDER picks the data source: `offline` (default: simulated, no network), `open-meteo`
 * (no key) or `openweathermap` (needs OPENWEATHERMAP_API_KEY). README has the table.
 */
export const weatherEnv = z
  .object({
    WEATHER_PROVIDER: z.enum(['offline', 'open-meteo', 'openweathermap']).default('offline'),
    OPEN_METEO_URL: z.string().url().default('https://api.open-meteo.com'),
    OPEN_METEO_GEOCODING_URL: z.string().url().default('https://geocoding-api.open-meteo.com'),
    OPEN_METEO_API_KEY: optional,
    OPENWEATHERMAP_URL: z.string().url().default('https://api.openweathermap.org'),
    OPENWEATHERMAP_API_KEY: optional,
    WEATHER_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(4_000),
    WEATHER_RETRIES: z.coerce.number().int().min(0).max(5).default(2),
    WEATHER_RETRY_BACKOFF_MS: z.coerce.number().int().min(0).max(10_000).default(200),
    WEATHER_RETRY_AFTER_MAX_MS: z.coerce.number().int().min(0).max(120_000).default(5_000),
    WEATHER_BREAKER_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
    WEATHER_BREAKER_COOLDOWN_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
    WEATHER_CACHE_ENTRIES: z.coerce.number().int().min(100).max(10_000_000).default(20_000),
    WEATHER_WARNINGS_INTERVAL_MS: z.coerce.number().int().min(1_000).max(86_400_000).default(600_000),
    WEATHER_MAX_LOCATIONS_PER_USER: z.coerce.number().int().min(1).max(10_000).default(50),
  })
  .superRefine((e, issues) => {
    if (e.WEATHER_PROVIDER === 'openweathermap' && !e.OPENWEATHERMAP_API_KEY) {
      issues.addIssue({ code: 'custom', path: ['OPENWEATHERMAP_API_KEY'], message: 'is required when WEATHER_PROVIDER=openweathermap' });
    }
  })
  .transform((e) => ({
    provider:
      e.WEATHER_PROVIDER === 'open-meteo'
        ? ({ kind: 'open-meteo', forecastUrl: e.OPEN_METEO_URL, geocodingUrl: e.OPEN_METEO_GEOCODING_URL, apiKey: e.OPEN_METEO_API_KEY } as const)
        : e.WEATHER_PROVIDER === 'openweathermap'
          ? ({ kind: 'openweathermap', baseUrl: e.OPENWEATHERMAP_URL, apiKey: e.OPENWEATHERMAP_API_KEY! } as const)
          : ({ kind: 'offline' } as const),
    retry: { timeoutMs: e.WEATHER_TIMEOUT_MS, retries: e.WEATHER_RETRIES, backoffMs: e.WEATHER_RETRY_BACKOFF_MS, maxRetryAfterMs: e.WEATHER_RETRY_AFTER_MAX_MS } satisfies RetryPolicy,
    breaker: { failures: e.WEATHER_BREAKER_FAILURES, cooldownMs: e.WEATHER_BREAKER_COOLDOWN_MS } satisfies BreakerSettings,
    cacheEntries: e.WEATHER_CACHE_ENTRIES,
    warningsIntervalMs: e.WEATHER_WARNINGS_INTERVAL_MS,
    maxLocationsPerUser: e.WEATHER_MAX_LOCATIONS_PER_USER,
  }));

export type WeatherSettings = z.output<typeof weatherEnv>;
