import type { Db, RequestContext } from '@mosaic/kit';
import type { Loaders } from './data/loaders';
import type { WeatherSettings } from './env';

/** What weather's domain functions need beyond the request. */
export interface Context extends RequestContext {
  db: Db;
  now: () => Date;
  settings: WeatherSettings;
  loaders: Loaders;
}
