import { isWmoCode } from '../../domain/conditions';
import { DAYS_MAX, HOURS_MAX, type CurrentReport, type DailyReport, type Day, type GeoPoint, type Hour, type HourlyReport, type Place, type SourceInfo } from '../../domain/model';
import { fetchJson, type RetryPolicy } from '../http/fetch-json';
import { parseAnswer } from '../http/parse-answer';
import { ProviderError, type WeatherProvider } from '../weather-provider';
import { currentResponse, dailyResponse, hourlyResponse, searchResponse } from './schemas';

export interface OpenMeteoSettings {
  forecastUrl: string;
  geocodingUrl: string;
  /** Commercial plans (customer-api.open-meteo.com) take an `apikey` parameter. */
  apiKey?: string | undefined;
  retry: RetryPolicy;
}

const CURRENT = 'temperature_2m,relative_humidity_2m,apparent_temperature,is_day,precipitation,weather_code,cloud_cover,pressure_msl,wind_speed_10m,wind_direction_10m,wind_gusts_10m';
const HOURLY = 'temperature_2m,apparent_temperature,precipitation_probability,precipitation,weather_code,wind_speed_10m,wind_gusts_10m';
const DAILY = 'weather_code,temperature_2m_max,temperature_2m_min,precipitation_sum,precipitation_probability_max,wind_speed_10m_max,wind_gusts_10m_max,sunrise,sunset,uv_index_max';

const code = (value: number | null | undefined, label: string) => {
  if (value === null || value === undefined || !isWmoCode(value)) throw new ProviderError('malformed', `${label}: weather code ${String(value)} is not a WMO code`);
  return value;
};

const required = (value: number | null | undefined, label: string) => {
  if (value === null || value === undefined) throw new ProviderError('malformed', `${label}: a required value is missing`);
  return value;
};

/** A series entry, or null; a series shorter than `time` is malformed. */
function column(values: readonly (number | null)[], length: number, label: string) {
  if (values.length !== length) throw new ProviderError('malformed', `${label}: series of different lengths`);
  return (i: number) => values[i] ?? null;
}

/** Local midnight (unix seconds) with the place's UTC offset → its calendar date. */
const localDate = (unixSeconds: number, offsetSeconds: number) => new Date((unixSeconds + offsetSeconds) * 1000).toISOString().slice(0, 10);

/**
 * Open-Meteo over plain HTTP: `GET /v1/forecast` (unix times, `timezone=auto`, metric) and the
 * geocoding API's `GET /v1/search`. No key needed for non-commercial use.
 */
export class OpenMeteoProvider implements WeatherProvider {
  readonly source: SourceInfo = { provider: 'open-meteo', simulated: false, attribution: 'Weather data by Open-Meteo.com (CC BY 4.0)' };

  constructor(private readonly settings: OpenMeteoSettings) {}

  private forecastUrl(point: GeoPoint, params: Record<string, string>): URL {
    const url = new URL(`${this.settings.forecastUrl.replace(/\/$/, '')}/v1/forecast`);
    url.search = new URLSearchParams({
      latitude: String(point.latitude),
      longitude: String(point.longitude),
      timezone: 'auto',
      timeformat: 'unixtime',
      wind_speed_unit: 'kmh',
      ...params,
      ...(this.settings.apiKey ? { apikey: this.settings.apiKey } : {}),
    }).toString();
    return url;
  }

  async current(point: GeoPoint): Promise<CurrentReport> {
    const label = 'Open-Meteo current';
    const body = parseAnswer(currentResponse, await fetchJson(this.forecastUrl(point, { current: CURRENT }), this.settings.retry, label), label);
    const c = body.current;
    return {
      timeZone: body.timezone,
      current: {
        time: c.time * 1000,
        temperature: c.temperature_2m,
        apparentTemperature: c.apparent_temperature,
        humidity: c.relative_humidity_2m,
        precipitation: c.precipitation,
        windSpeed: c.wind_speed_10m,
        windGusts: c.wind_gusts_10m,
        windDirection: c.wind_direction_10m,
        cloudCover: c.cloud_cover,
        pressure: c.pressure_msl,
        weatherCode: code(c.weather_code, label),
        isDay: c.is_day === 1,
      },
    };
  }

  async hourly(point: GeoPoint): Promise<HourlyReport> {
    const label = 'Open-Meteo hourly';
    const body = parseAnswer(hourlyResponse, await fetchJson(this.forecastUrl(point, { hourly: HOURLY, forecast_hours: String(HOURS_MAX) }), this.settings.retry, label), label);
    const h = body.hourly;
    const at = (values: readonly (number | null)[]) => column(values, h.time.length, label);
    const temperature = at(h.temperature_2m);
    const apparent = at(h.apparent_temperature);
    const probability = at(h.precipitation_probability);
    const precipitation = at(h.precipitation);
    const weatherCode = at(h.weather_code);
    const wind = at(h.wind_speed_10m);
    const gusts = at(h.wind_gusts_10m);
    const hours: Hour[] = h.time.map((time, i) => ({
      time: time * 1000,
      temperature: required(temperature(i), label),
      apparentTemperature: apparent(i),
      precipitation: precipitation(i),
      precipitationProbability: probability(i),
      windSpeed: wind(i),
      windGusts: gusts(i),
      weatherCode: code(weatherCode(i), label),
    }));
    return { timeZone: body.timezone, hours };
  }

  async daily(point: GeoPoint): Promise<DailyReport> {
    const label = 'Open-Meteo daily';
    const body = parseAnswer(dailyResponse, await fetchJson(this.forecastUrl(point, { daily: DAILY, forecast_days: String(DAYS_MAX) }), this.settings.retry, label), label);
    const d = body.daily;
    const at = (values: readonly (number | null)[]) => column(values, d.time.length, label);
    const weatherCode = at(d.weather_code);
    const max = at(d.temperature_2m_max);
    const min = at(d.temperature_2m_min);
    const sum = at(d.precipitation_sum);
    const probability = at(d.precipitation_probability_max);
    const wind = at(d.wind_speed_10m_max);
    const gusts = at(d.wind_gusts_10m_max);
    const sunrise = at(d.sunrise);
    const sunset = at(d.sunset);
    const uv = at(d.uv_index_max);
    const days: Day[] = d.time.map((time, i) => ({
      date: localDate(time, body.utc_offset_seconds),
      temperatureMax: required(max(i), label),
      temperatureMin: required(min(i), label),
      precipitation: sum(i),
      precipitationProbability: probability(i),
      windSpeedMax: wind(i),
      windGustsMax: gusts(i),
      weatherCode: code(weatherCode(i), label),
      // Open-Meteo gives 0 for no sunrise (polar day or night).
      sunrise: sunrise(i) ? sunrise(i)! * 1000 : null,
      sunset: sunset(i) ? sunset(i)! * 1000 : null,
      uvIndexMax: uv(i),
    }));
    return { timeZone: body.timezone, days };
  }

  async places(name: string, limit: number): Promise<Place[]> {
    const label = 'Open-Meteo geocoding';
    const url = new URL(`${this.settings.geocodingUrl.replace(/\/$/, '')}/v1/search`);
    url.search = new URLSearchParams({ name, count: String(limit), language: 'en', format: 'json', ...(this.settings.apiKey ? { apikey: this.settings.apiKey } : {}) }).toString();
    const body = parseAnswer(searchResponse, await fetchJson(url, this.settings.retry, label), label);
    return (body.results ?? []).map((result) => ({
      name: result.name,
      countryCode: result.country_code ?? null,
      country: result.country ?? null,
      region: result.admin1 ?? null,
      latitude: result.latitude,
      longitude: result.longitude,
      timeZone: result.timezone ?? null,
    }));
  }
}
