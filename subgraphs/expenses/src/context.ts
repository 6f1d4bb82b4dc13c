import type { Db, RequestContext } from '@mosaic/kit';
import type { Loaders } from './data/loaders';
import type { RateBook } from './domain/fx/rate-book';
import type { ExpensesSettings } from './env';

/** What expenses' domain functions need beyond the request. */
export interface ExpensesServices {
  db: Db;
  now: () => Date;
  settings: ExpensesSettings;
  /** Exchange rates (cached in the database, filled from the configured provider). */
  rates: RateBook;
}

export interface Context extends RequestContext, ExpensesServices {
  loaders: Loaders;
}
