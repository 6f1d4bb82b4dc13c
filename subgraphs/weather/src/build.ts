import { createSubgraph, type BuildDeps, type BuiltSubgraph } from '@mosaic/kit';
import type { Context } from './context';
import { createLoaders } from './data/loaders';
import { Forecasts } from './domain/forecast/forecasts';
import { WeatherCache } from './domain/forecast/weather-cache';
import { WarningWatch } from './domain/warnings/warning-watch';
import type { WeatherSettings } from './env';
import { CircuitBreaker } from './providers/http/circuit-breaker';
import { createProvider } from './providers/create-provider';
import type { WeatherProvider } from './providers/weather-provider';
import { resolvers } from './resolvers';

export interface WeatherDeps {
  /** A provider to use instead of the configured one (benchmarks wrap one to count calls). */
  provider?: WeatherProvider;
}

export interface BuiltWeather extends BuiltSubgraph {
  /** For tests and benchmarks: the cache (its counters), the provider calls and the warning watch. */
  cache: WeatherCache;
  forecasts: Forecasts;
  warnings: WarningWatch;
  breaker: CircuitBreaker;
  close: () => Promise<void>;
}

/**
 * Forecasts come through one cache (the platform's cache store: in-process, or Redis shared by the
 * replicas) and one circuit breaker per process; the warning watch evaluates saved locations on
 * every hourly refresh and refreshes watched points periodically.
 */
export async function buildSubgraph(deps: BuildDeps & WeatherDeps, settings: WeatherSettings): Promise<BuiltWeather> {
  const { db, now, log, pubsub } = deps;
  const provider = deps.provider ?? createProvider(settings, now);
  const cache = new WeatherCache({ store: deps.caches.store('weather', { maxEntries: settings.cacheEntries }), now, log });
  const breaker = new CircuitBreaker(settings.breaker);
  const forecasts = new Forecasts({ provider, cache, breaker, log });
  const warnings = new WarningWatch({ db, forecasts, pubsub, log, now, intervalMs: settings.warningsIntervalMs });
  const subgraph = createSubgraph<Context>({
    deps,
    resolvers,
    context: (base) => ({ ...base, db, now, settings, pubsub, forecasts, warnings, loaders: createLoaders(db), sections: new Map() }),
  });
  warnings.start();
  return { subgraph, cache, forecasts, warnings, breaker, close: () => warnings.stop() };
}
