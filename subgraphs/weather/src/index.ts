import { defineSubgraph, type SubgraphDeps } from '@mosaic/kit';
import { buildSubgraph, type WeatherDeps } from './build';
import { weatherEnv, type WeatherSettings } from './env';
import { seedWeather } from './seed';

export default defineSubgraph<SubgraphDeps & WeatherDeps, WeatherSettings>(import.meta.url, {
  scopes: {
    'weather:read': { description: 'See your saved weather locations and their warnings.', roles: ['user'] },
    'weather:write': { description: 'Save, change and remove weather locations.', roles: ['user'] },
  },
  settings: weatherEnv,
  seed: seedWeather,
  build: buildSubgraph,
});

export type { BuiltWeather, WeatherDeps } from './build';
export type { WeatherSettings } from './env';
export type { WeatherProvider } from './providers/weather-provider';
export { OpenMeteoProvider } from './providers/open-meteo/client';
