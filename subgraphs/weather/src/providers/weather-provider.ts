import type { CurrentReport, DailyReport, GeoPoint, HourlyReport, Place, SourceInfo } from '../domain/model';

/**
 * One weather service: current conditions, a 48-hour hourly forecast, a daily forecast of up to 16
 * days, and place search. Implementations translate the provider's format into the domain model
 * (metric) and throw `ProviderError` for anything else — never a half-parsed answer.
 */
export interface WeatherProvider {
  readonly source: SourceInfo;
  current(point: GeoPoint): Promise<CurrentReport>;
  hourly(point: GeoPoint): Promise<HourlyReport>;
  daily(point: GeoPoint): Promise<DailyReport>;
  /** Places matching a name, most relevant first; empty when none. */
  places(name: string, limit: number): Promise<Place[]>;
}

export type ProviderFailure = 'timeout' | 'network' | 'server' | 'rate-limited' | 'refused' | 'malformed' | 'circuit-open';

export class ProviderError extends Error {
  constructor(
    readonly failure: ProviderFailure,
    message: string,
    /** For `rate-limited`: how long the provider asked us to wait. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}
