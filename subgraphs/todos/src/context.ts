import type { Db, RequestContext } from '@mosaic/kit';
import type { Loaders } from './data/loaders';

/** What todos' domain functions need beyond the request. */
export interface TodosServices {
  db: Db;
  /** Injected so tests can move time (overdue, recurrence). */
  now: () => Date;
}

export interface Context extends RequestContext, TodosServices {
  loaders: Loaders;
}
