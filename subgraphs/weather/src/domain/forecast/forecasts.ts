import { UnavailableError, type Logger } from '@mosaic/kit';
import { pointKey } from '../coordinates';
import type { CurrentReport, DailyReport, GeoPoint, HourlyReport, Place } from '../model';
import type { CircuitBreaker } from '../../providers/http/circuit-breaker';
import { ProviderError, type WeatherProvider } from '../../providers/weather-provider';
import type { Cached, DataKind, WeatherCache } from './weather-cache';

/** Place searches are cached for up to this many results; requests slice. */
export const PLACES_MAX = 20;

const normalisedName = (name: string) => name.trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * Weather through the cache and the circuit breaker: the only way the domain reaches a provider.
 * Keys name the provider and the rounded point (or the normalised place name), so a cached answer
 * is always exactly the one asked for. A provider failure with nothing cached to fall back on is
 * UNAVAILABLE; `onHourlyRefreshed` hears every fresh hourly forecast (warnings are evaluated then).
 */
export class Forecasts {
  private readonly hourlyListeners = new Set<(point: GeoPoint, report: HourlyReport) => void>();

  constructor(private readonly deps: { provider: WeatherProvider; cache: WeatherCache; breaker: CircuitBreaker; log: Logger }) {}

  get source() {
    return this.deps.provider.source;
  }

  onHourlyRefreshed(listener: (point: GeoPoint, report: HourlyReport) => void): () => void {
    this.hourlyListeners.add(listener);
    return () => void this.hourlyListeners.delete(listener);
  }

  current(point: GeoPoint): Promise<Cached<CurrentReport>> {
    return this.cached('current', pointKey(point), () => this.deps.provider.current(point));
  }

  hourly(point: GeoPoint): Promise<Cached<HourlyReport>> {
    return this.cached('hourly', pointKey(point), async () => {
      const report = await this.deps.provider.hourly(point);
      for (const listener of this.hourlyListeners) queueMicrotask(() => listener(point, report));
      return report;
    });
  }

  daily(point: GeoPoint): Promise<Cached<DailyReport>> {
    return this.cached('daily', pointKey(point), () => this.deps.provider.daily(point));
  }

  async places(name: string, limit: number): Promise<Place[]> {
    const found = await this.cached('places', normalisedName(name), () => this.deps.provider.places(name.trim(), PLACES_MAX));
    return found.value.slice(0, limit);
  }

  private async cached<T>(kind: DataKind, key: string, fetch: () => Promise<T>): Promise<Cached<T>> {
    const { provider, cache, breaker } = this.deps;
    try {
      return await cache.get(kind, `${kind}:${provider.source.provider}:${key}`, () => breaker.call(fetch, `${provider.source.provider} ${kind}`), provider.source);
    } catch (error) {
      if (!(error instanceof ProviderError)) throw error;
      this.deps.log.warn({ err: error, kind, key }, 'weather provider failed with nothing cached to answer from');
      throw new UnavailableError(`The weather provider (${provider.source.provider}) is not answering right now and nothing recent is cached for this request. Try again in a minute.`, {
        provider: provider.source.provider,
        reason: error.failure,
      });
    }
  }
}
