import { defineSubgraph } from '@mosaic/kit';
import { buildSubgraph } from './build';
import { weatherEnv } from './env';
import { seedWeather } from './seed';

export default defineSubgraph(import.meta.url, {
  scopes: {
    'weather:read': { description: 'See your savedLocations.', roles: ['user'] },
    'weather:write': { description: 'Create your savedLocations.', roles: ['user'] },
  },
  settings: weatherEnv,
  seed: seedWeather,
  build: buildSubgraph,
});
