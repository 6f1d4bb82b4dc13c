import type { Db, PubSub, RequestContext } from '@mosaic/kit';
import type { Loaders } from './data/loaders';
import type { Forecasts } from './domain/forecast/forecasts';
import type { Sections } from './domain/weather';
import type { WarningWatch } from './domain/warnings/warning-watch';
import type { WeatherSettings } from './env';

/** What weather's domain functions need beyond the request. */
export interface Context extends RequestContext {
  db: Db;
  now: () => Date;
  settings: WeatherSettings;
  loaders: Loaders;
  pubsub: PubSub;
  forecasts: Forecasts;
  warnings: WarningWatch;
  /** This request's answers per section and point: one cache read each, however often a field asks. */
  sections: Sections;
}
