import { wmoFromOpenWeatherMap } from '../../domain/conditions';
import { HOURS_MAX, type CurrentReport, type DailyReport, type GeoPoint, type HourlyReport, type Place, type SourceInfo } from '../../domain/model';
import { fetchJson, type RetryPolicy } from '../http/fetch-json';
import { parseAnswer } from '../http/parse-answer';
import type { WeatherProvider } from '../weather-provider';
import { currentResponse, dailyResponse, directGeocodingResponse, hourlyResponse } from './schemas';

export interface OpenWeatherMapSettings {
  baseUrl: string;
  apiKey: string;
  retry: RetryPolicy;
}

/** units=metric gives wind in m/s. */
const kmh = (metresPerSecond: number | undefined) => (metresPerSecond === undefined ? null : Math.round(metresPerSecond * 3.6 * 10) / 10);
const percent = (fraction: number | undefined) => (fraction === undefined ? null : Math.round(fraction * 100));

/**
 * OpenWeatherMap's One Call API 3.0 (`GET /data/3.0/onecall`, units=metric) and Geocoding API
 * (`GET /geo/1.0/direct`), with the key from OPENWEATHERMAP_API_KEY. Its daily forecast has 8 days.
 */
export class OpenWeatherMapProvider implements WeatherProvider {
  readonly source: SourceInfo = { provider: 'openweathermap', simulated: false, attribution: 'Weather data by OpenWeather (openweathermap.org)' };

  constructor(private readonly settings: OpenWeatherMapSettings) {}

  private url(path: string, params: Record<string, string>): URL {
    const url = new URL(`${this.settings.baseUrl.replace(/\/$/, '')}${path}`);
    url.search = new URLSearchParams({ ...params, appid: this.settings.apiKey }).toString();
    return url;
  }

  private oneCall(point: GeoPoint, keep: 'current' | 'hourly' | 'daily') {
    const exclude = ['minutely', 'alerts', 'current', 'hourly', 'daily'].filter((part) => part !== keep).join(',');
    return fetchJson(this.url('/data/3.0/onecall', { lat: String(point.latitude), lon: String(point.longitude), units: 'metric', exclude }), this.settings.retry, `OpenWeatherMap ${keep}`);
  }

  async current(point: GeoPoint): Promise<CurrentReport> {
    const label = 'OpenWeatherMap current';
    const body = parseAnswer(currentResponse, await this.oneCall(point, 'current'), label);
    const c = body.current;
    return {
      timeZone: body.timezone,
      current: {
        time: c.dt * 1000,
        temperature: c.temp,
        apparentTemperature: c.feels_like ?? null,
        humidity: c.humidity ?? null,
        precipitation: (c.rain?.['1h'] ?? 0) + (c.snow?.['1h'] ?? 0),
        windSpeed: kmh(c.wind_speed)!,
        windGusts: kmh(c.wind_gust),
        windDirection: c.wind_deg ?? null,
        cloudCover: c.clouds ?? null,
        pressure: c.pressure ?? null,
        weatherCode: wmoFromOpenWeatherMap(c.weather[0]!.id),
        isDay: c.sunrise !== undefined && c.sunset !== undefined ? c.dt >= c.sunrise && c.dt < c.sunset : true,
      },
    };
  }

  async hourly(point: GeoPoint): Promise<HourlyReport> {
    const body = parseAnswer(hourlyResponse, await this.oneCall(point, 'hourly'), 'OpenWeatherMap hourly');
    return {
      timeZone: body.timezone,
      hours: body.hourly.slice(0, HOURS_MAX).map((h) => ({
        time: h.dt * 1000,
        temperature: h.temp,
        apparentTemperature: h.feels_like ?? null,
        precipitation: (h.rain?.['1h'] ?? 0) + (h.snow?.['1h'] ?? 0),
        precipitationProbability: percent(h.pop),
        windSpeed: kmh(h.wind_speed),
        windGusts: kmh(h.wind_gust),
        weatherCode: wmoFromOpenWeatherMap(h.weather[0]!.id),
      })),
    };
  }

  async daily(point: GeoPoint): Promise<DailyReport> {
    const body = parseAnswer(dailyResponse, await this.oneCall(point, 'daily'), 'OpenWeatherMap daily');
    return {
      timeZone: body.timezone,
      days: body.daily.map((d) => ({
        // `dt` is around local noon; the offset makes it the local calendar date.
        date: new Date((d.dt + body.timezone_offset) * 1000).toISOString().slice(0, 10),
        temperatureMax: d.temp.max,
        temperatureMin: d.temp.min,
        precipitation: (d.rain ?? 0) + (d.snow ?? 0),
        precipitationProbability: percent(d.pop),
        windSpeedMax: kmh(d.wind_speed),
        windGustsMax: kmh(d.wind_gust),
        weatherCode: wmoFromOpenWeatherMap(d.weather[0]!.id),
        sunrise: d.sunrise ? d.sunrise * 1000 : null,
        sunset: d.sunset ? d.sunset * 1000 : null,
        uvIndexMax: d.uvi ?? null,
      })),
    };
  }

  async places(name: string, limit: number): Promise<Place[]> {
    const label = 'OpenWeatherMap geocoding';
    const body = parseAnswer(directGeocodingResponse, await fetchJson(this.url('/geo/1.0/direct', { q: name, limit: String(limit) }), this.settings.retry, label), label);
    return body.map((place) => ({
      name: place.name,
      countryCode: place.country ?? null,
      country: null,
      region: place.state ?? null,
      latitude: place.lat,
      longitude: place.lon,
      timeZone: null,
    }));
  }
}
