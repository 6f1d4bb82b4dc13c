import type { RequestContext, TenantDb } from '@mosaic/kit';
import type { Loaders } from './data/loaders';

/** What notes' domain functions need beyond the request. */
export interface NotesServices {
  /** The database, bound to the request's tenant scope: every use is a transaction under row-level security. */
  db: TenantDb;
  /** Injected so tests can move time (ordering, `updatedAfter`). */
  now: () => Date;
}

export interface Context extends RequestContext, NotesServices {
  loaders: Loaders;
}
