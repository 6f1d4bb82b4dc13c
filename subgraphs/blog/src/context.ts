import type { Db, RequestContext } from '@mosaic/kit';
import type { Loaders } from './data/loaders';
import type { BlogSettings } from './env';

/** What blog's domain functions need beyond the request. */
export interface Context extends RequestContext {
  db: Db;
  now: () => Date;
  settings: BlogSettings;
  loaders: Loaders;
}
