import type { Db, PubSub, RequestContext } from '@mosaic/kit';
import type { Loaders } from './data/loaders';

/** What chat's domain functions need beyond the request. */
export interface ChatServices {
  db: Db;
  /** Live events (messages, typing) to every replica; published only after the write commits. */
  pubsub: PubSub;
  /** Injected so tests can move time (typing expiry, ordering). */
  now: () => Date;
}

export interface Context extends RequestContext, ChatServices {
  loaders: Loaders;
}
