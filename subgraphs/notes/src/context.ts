import type { Db, RequestContext } from '@mosaic/kit';
import type { Loaders } from './data/loaders';

/** What notes' domain functions need beyond the request. */
export interface NotesServices {
  db: Db;
  /** Injected so tests can move time (ordering, `updatedAfter`). */
  now: () => Date;
}

export interface Context extends RequestContext, NotesServices {
  loaders: Loaders;
}
