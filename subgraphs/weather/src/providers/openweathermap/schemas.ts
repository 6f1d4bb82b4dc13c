import { z } from 'zod';

/** OpenWeatherMap's documented One Call API 3.0 and Geocoding API responses, as far as Mosaic reads them (units=metric). */
const conditions = z.array(z.object({ id: z.number().int(), description: z.string().optional() })).min(1);
const lastHour = z.object({ '1h': z.number().optional() }).optional();

const currentSchema = z.object({
  dt: z.number(),
  sunrise: z.number().optional(),
  sunset: z.number().optional(),
  temp: z.number(),
  feels_like: z.number().optional(),
  pressure: z.number().optional(),
  humidity: z.number().optional(),
  clouds: z.number().optional(),
  wind_speed: z.number(),
  wind_deg: z.number().optional(),
  wind_gust: z.number().optional(),
  weather: conditions,
  rain: lastHour,
  snow: lastHour,
});

const hourSchema = z.object({
  dt: z.number(),
  temp: z.number(),
  feels_like: z.number().optional(),
  wind_speed: z.number().optional(),
  wind_gust: z.number().optional(),
  pop: z.number().min(0).max(1).optional(),
  weather: conditions,
  rain: lastHour,
  snow: lastHour,
});

const daySchema = z.object({
  dt: z.number(),
  sunrise: z.number().optional(),
  sunset: z.number().optional(),
  temp: z.object({ min: z.number(), max: z.number() }),
  wind_speed: z.number().optional(),
  wind_gust: z.number().optional(),
  pop: z.number().min(0).max(1).optional(),
  rain: z.number().optional(),
  snow: z.number().optional(),
  uvi: z.number().optional(),
  weather: conditions,
});

const located = { lat: z.number(), lon: z.number(), timezone: z.string().min(1), timezone_offset: z.number() };

export const currentResponse = z.object({ ...located, current: currentSchema });
export const hourlyResponse = z.object({ ...located, hourly: z.array(hourSchema) });
export const dailyResponse = z.object({ ...located, daily: z.array(daySchema) });

export const directGeocodingResponse = z.array(
  z.object({ name: z.string(), lat: z.number(), lon: z.number(), country: z.string().optional(), state: z.string().optional() }),
);
