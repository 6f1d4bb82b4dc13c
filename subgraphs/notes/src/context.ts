import type { Db, PubSub, RequestContext, TenantDb } from '@mosaic/kit';
import type { AttachmentTickets } from '@mosaic/files/attachments';
import type { AttachmentLoaders } from './data/attachment-loaders';
import type { Loaders } from './data/loaders';
import type { NotesSettings } from './env';

/** What notes' domain functions need beyond the request. */
export interface NotesServices {
  /** The database, bound to the request's tenant scope: every use is a transaction under row-level security. */
  db: TenantDb;
  /**
   * Unbound, for public share links only: a link is found by its token before anyone is known,
   * then its note is read bound to the link's creator (`readSharedNote`).
   */
  linkDb: Db;
  /** Injected so tests can move time (ordering, `updatedAfter`). */
  now: () => Date;
  /** Live co-editing: applied updates fan out to every replica's subscribers. */
  pubsub: PubSub;
  settings: NotesSettings;
  /** Issues the tickets through which files lets a note's readers read its attached files. */
  tickets: AttachmentTickets;
}

export interface Context extends RequestContext, NotesServices {
  loaders: Loaders;
  attachmentLoaders: AttachmentLoaders;
}
