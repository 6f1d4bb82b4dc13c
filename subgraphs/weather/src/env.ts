import { z } from 'zod';

/** WEATHER_MAX_PER_USER: how many savedLocations one user may keep (a bound on what one account can store). */
export const weatherEnv = z
  .object({ WEATHER_MAX_PER_USER: z.coerce.number().int().min(1).max(1_000_000).default(1_000) })
  .transform((e) => ({ maxPerUser: e.WEATHER_MAX_PER_USER }));

export type WeatherSettings = z.output<typeof weatherEnv>;
