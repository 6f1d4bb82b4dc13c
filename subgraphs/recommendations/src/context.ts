import type { Db, RequestContext } from '@mosaic/kit';
import type { Loaders } from './data/loaders';
import type { ModelRuntime } from './domain/model-runtime';
import type { RecommendationsSettings } from './env';

/** What recommendations' domain functions need beyond the request. */
export interface Context extends RequestContext {
  db: Db;
  now: () => Date;
  /** The request's own instant: lists across several users share one window (and one batch). */
  requestedAt: Date;
  settings: RecommendationsSettings;
  loaders: Loaders;
  models: ModelRuntime;
}
