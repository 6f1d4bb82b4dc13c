import type { Db, RequestContext } from '@mosaic/kit';
import type { Loaders } from './data/loaders';
import type { BankingSettings } from './env';

/** What banking's domain functions need beyond the request. */
export interface Context extends RequestContext {
  db: Db;
  now: () => Date;
  settings: BankingSettings;
  loaders: Loaders;
}
