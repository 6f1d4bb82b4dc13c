import type { Db, PubSub, RequestContext } from '@mosaic/kit';
import type { AttachmentTickets } from '@mosaic/files/attachments';
import type { AttachmentLoaders } from './data/attachment-loaders';
import type { Loaders } from './data/loaders';
import type { LinkPreviewer } from './domain/link-previews';
import type { PresenceTracker } from './domain/presence-tracker';
import type { ChatOutbox } from './events';

/** What chat's domain functions need beyond the request. */
export interface ChatServices {
  db: Db;
  /** Live streams' fan-out to every replica (typing directly; message events through the outbox's relay). */
  pubsub: PubSub;
  /** Message events, written in the transaction of the change. */
  events: ChatOutbox;
  /** Injected so tests can move time (typing expiry, ordering). */
  now: () => Date;
  /** Fetches previews of links in messages after they are committed. */
  previews: LinkPreviewer;
  /** Presence leases and announcements (shared by the replicas through the caches). */
  presence: PresenceTracker;
  settings: { readReceiptsMaxMembers: number };
  /** Issues the tickets through which files lets room readers read attached files. */
  tickets: AttachmentTickets;
}

export interface Context extends RequestContext, ChatServices {
  loaders: Loaders;
  attachmentLoaders: AttachmentLoaders;
}
