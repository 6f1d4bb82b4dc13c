import type { PubSub, RequestContext, TenantDb } from '@mosaic/kit';
import type { Loaders } from './data/loaders';

/** What todos' domain functions need beyond the request. */
export interface TodosServices {
  /** The database, bound to the request's tenant scope: every use is a transaction under row-level security. */
  db: TenantDb;
  /** Injected so tests can move time (overdue, recurrence). */
  now: () => Date;
  /** Live events (the `reminders` subscription). */
  pubsub: PubSub;
}

export interface Context extends RequestContext, TodosServices {
  loaders: Loaders;
}
