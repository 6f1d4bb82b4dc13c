import { z } from 'zod';

/** Open-Meteo's documented forecast and geocoding responses (open-meteo.com/en/docs), as far as Mosaic reads them. */
const value = z.number().nullable();
const series = z.array(value);

const located = {
  latitude: z.number(),
  longitude: z.number(),
  timezone: z.string().min(1),
  utc_offset_seconds: z.number(),
};

export const currentResponse = z.object({
  ...located,
  current: z.object({
    time: z.number(),
    temperature_2m: z.number(),
    relative_humidity_2m: value,
    apparent_temperature: value,
    is_day: z.number(),
    precipitation: value,
    weather_code: z.number().int(),
    cloud_cover: value,
    pressure_msl: value,
    wind_speed_10m: z.number(),
    wind_direction_10m: value,
    wind_gusts_10m: value,
  }),
});

export const hourlyResponse = z.object({
  ...located,
  hourly: z.object({
    time: z.array(z.number()),
    temperature_2m: series,
    apparent_temperature: series,
    precipitation_probability: series,
    precipitation: series,
    weather_code: series,
    wind_speed_10m: series,
    wind_gusts_10m: series,
  }),
});

export const dailyResponse = z.object({
  ...located,
  daily: z.object({
    time: z.array(z.number()),
    weather_code: series,
    temperature_2m_max: series,
    temperature_2m_min: series,
    precipitation_sum: series,
    precipitation_probability_max: series,
    wind_speed_10m_max: series,
    wind_gusts_10m_max: series,
    sunrise: series,
    sunset: series,
    uv_index_max: series,
  }),
});

export const searchResponse = z.object({
  results: z
    .array(
      z.object({
        name: z.string(),
        latitude: z.number(),
        longitude: z.number(),
        timezone: z.string().optional(),
        country_code: z.string().optional(),
        country: z.string().optional(),
        admin1: z.string().optional(),
      }),
    )
    .optional(),
});
