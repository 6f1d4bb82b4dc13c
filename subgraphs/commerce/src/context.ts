import type { Db, RequestContext } from '@mosaic/kit';
import type { Loaders } from './data/loaders';
import type { CommerceSettings } from './env';

/** What commerce's domain functions need beyond the request. */
export interface Context extends RequestContext {
  db: Db;
  now: () => Date;
  settings: CommerceSettings;
  loaders: Loaders;
}
