import type { Db, RequestContext } from '@mosaic/kit';
import type { Loaders } from './data/loaders';
import type { ExpensesSettings } from './env';

/** What expenses's domain functions need beyond the request. */
export interface Context extends RequestContext {
  db: Db;
  now: () => Date;
  settings: ExpensesSettings;
  loaders: Loaders;
}
