import { DAYS_MAX, HOURS_MAX, type CurrentReport, type DailyReport, type Day, type GeoPoint, type HourlyReport, type Place, type SourceInfo } from '../../domain/model';
import type { WeatherProvider } from '../weather-provider';
import { findKnownPlaces, nearestKnownPlace } from './gazetteer';
import { simulateHour } from './simulation';
import { noonSunStrength, sunTimes } from './sun';

const HOUR = 3_600_000;
const QUARTER_HOUR = 900_000;

/** Severity order of codes, for a day's "worst" weather. */
const severity = (code: number) => (code >= 95 ? 6 : code >= 71 ? 5 : code >= 61 ? 4 : code >= 51 ? 3 : code === 45 ? 2 : code >= 2 ? 1 : 0);

/** The offset of `timeZone` from UTC at `time`, in milliseconds. */
function offsetMs(timeZone: string, time: number): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' })
      .formatToParts(time)
      .map((part) => [part.type, Number(part.value)]),
  );
  return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!) - Math.floor(time / 1000) * 1000;
}

/** A fixed-offset zone for open sea and places far from any known one (Etc/GMT signs are inverted). */
function zoneByLongitude(longitude: number): string {
  const hours = Math.round(longitude / 15);
  return hours === 0 ? 'Etc/UTC' : `Etc/GMT${hours > 0 ? '-' : '+'}${Math.abs(hours)}`;
}

/**
 * The default provider: works with no network and no key. Weather is simulated — plausible for the
 * place and the season, stable between requests, and labelled `simulated` in every answer's
 * source. Places are found in a built-in list of large cities.
 */
export class OfflineProvider implements WeatherProvider {
  readonly source: SourceInfo = { provider: 'offline', simulated: true, attribution: 'Simulated by Mosaic for offline use: plausible for the place and season, not a forecast.' };

  constructor(private readonly now: () => Date) {}

  private site(point: GeoPoint) {
    const near = nearestKnownPlace(point, 400);
    const close = near && nearestKnownPlace(point, 50);
    return { timeZone: near?.timeZone ?? zoneByLongitude(point.longitude), elevation: close?.elevation ?? 0 };
  }

  async current(point: GeoPoint): Promise<CurrentReport> {
    const { timeZone, elevation } = this.site(point);
    const time = Math.floor(this.now().getTime() / QUARTER_HOUR) * QUARTER_HOUR;
    return { timeZone, current: { time, ...simulateHour(point, elevation, time) } };
  }

  async hourly(point: GeoPoint): Promise<HourlyReport> {
    const { timeZone, elevation } = this.site(point);
    const first = Math.floor(this.now().getTime() / HOUR) * HOUR;
    const hours = Array.from({ length: HOURS_MAX }, (_, i) => {
      const time = first + i * HOUR;
      const hour = simulateHour(point, elevation, time);
      return { time, ...hour };
    });
    return { timeZone, hours };
  }

  async daily(point: GeoPoint): Promise<DailyReport> {
    const { timeZone, elevation } = this.site(point);
    const now = this.now().getTime();
    const today = new Date(now + offsetMs(timeZone, now)).toISOString().slice(0, 10);
    const days: Day[] = Array.from({ length: DAYS_MAX }, (_, i) => {
      const date = new Date(Date.parse(`${today}T00:00:00Z`) + i * 24 * HOUR).toISOString().slice(0, 10);
      const midnight = Date.parse(`${date}T00:00:00Z`);
      const start = midnight - offsetMs(timeZone, midnight);
      const hours = Array.from({ length: 24 }, (_, h) => simulateHour(point, elevation, start + h * HOUR));
      const cloudiness = hours.reduce((sum, hour) => sum + hour.cloudCover, 0) / 24;
      return {
        date,
        temperatureMax: Math.max(...hours.map((hour) => hour.temperature)),
        temperatureMin: Math.min(...hours.map((hour) => hour.temperature)),
        precipitation: Math.round(hours.reduce((sum, hour) => sum + hour.precipitation, 0) * 10) / 10,
        precipitationProbability: Math.max(...hours.map((hour) => hour.precipitationProbability)),
        windSpeedMax: Math.max(...hours.map((hour) => hour.windSpeed)),
        windGustsMax: Math.max(...hours.map((hour) => hour.windGusts)),
        weatherCode: hours.map((hour) => hour.weatherCode).reduce((worst, code) => (severity(code) > severity(worst) ? code : worst)),
        ...sunTimes(date, point.latitude, point.longitude),
        uvIndexMax: Math.round(11 * noonSunStrength(start + 12 * HOUR, point.latitude) * (1 - cloudiness / 160) * 10) / 10,
      };
    });
    return { timeZone, days };
  }

  async places(name: string, limit: number): Promise<Place[]> {
    return findKnownPlaces(name, limit).map(({ elevation: _elevation, ...place }) => place);
  }
}
