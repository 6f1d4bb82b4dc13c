/**
 * Weather as the domain holds it: metric units (°C, km/h, mm, hPa), times as epoch milliseconds,
 * WMO weather codes. Providers translate into this; units are converted only when answering.
 */
export interface GeoPoint {
  latitude: number;
  longitude: number;
}

export interface Current {
  time: number;
  temperature: number;
  apparentTemperature: number | null;
  humidity: number | null;
  precipitation: number | null;
  windSpeed: number;
  windGusts: number | null;
  windDirection: number | null;
  cloudCover: number | null;
  pressure: number | null;
  weatherCode: number;
  isDay: boolean;
}

export interface Hour {
  time: number;
  temperature: number;
  apparentTemperature: number | null;
  precipitation: number | null;
  precipitationProbability: number | null;
  windSpeed: number | null;
  windGusts: number | null;
  weatherCode: number;
}

export interface Day {
  /** YYYY-MM-DD in the location's time zone. */
  date: string;
  temperatureMax: number;
  temperatureMin: number;
  precipitation: number | null;
  precipitationProbability: number | null;
  windSpeedMax: number | null;
  windGustsMax: number | null;
  weatherCode: number;
  sunrise: number | null;
  sunset: number | null;
  uvIndexMax: number | null;
}

/** Every report says which time zone the place is in (providers resolve it with the forecast). */
export interface CurrentReport {
  timeZone: string;
  current: Current;
}
export interface HourlyReport {
  timeZone: string;
  hours: Hour[];
}
export interface DailyReport {
  timeZone: string;
  days: Day[];
}

export interface Place {
  name: string;
  countryCode: string | null;
  country: string | null;
  region: string | null;
  latitude: number;
  longitude: number;
  timeZone: string | null;
}

export interface SourceInfo {
  provider: string;
  simulated: boolean;
  attribution: string;
}

/** The longest forecasts kept: what is fetched, whatever a request asks for (then sliced). */
export const HOURS_MAX = 48;
export const DAYS_MAX = 16;
