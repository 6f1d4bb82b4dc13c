import type { Db, PubSub, RequestContext } from '@mosaic/kit';
import type { Loaders } from './data/loaders';
import type { RateBook } from './domain/fx/rate-book';
import type { ExpensesSettings } from './env';
import type { ExpensesOutbox } from './events';

/** What expenses' domain functions need beyond the request. */
export interface ExpensesServices {
  db: Db;
  now: () => Date;
  settings: ExpensesSettings;
  /** Exchange rates (cached in the database, filled from the configured provider). */
  rates: RateBook;
  /** Budget alerts, written in the transaction of the change that crossed the threshold. */
  events: ExpensesOutbox;
  /** Live budget alerts (fed by the outbox's relay). */
  pubsub: PubSub;
}

export interface Context extends RequestContext, ExpensesServices {
  loaders: Loaders;
}
