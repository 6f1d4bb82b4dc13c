import type { Db, PubSub, RequestContext } from '@mosaic/kit';
import type { Loaders } from './data/loaders';
import type { BlogSettings } from './env';
import type { BlogOutbox } from './events';

/** What blog's domain functions need beyond the request. */
export interface BlogServices {
  db: Db;
  /** The clock; tests move it (scheduling, rate limits). */
  now: () => Date;
  settings: BlogSettings;
  /** Events, written in the transaction of the change. */
  events: BlogOutbox;
  /** Live comment streams' fan-out to every replica. */
  pubsub: PubSub;
}

export interface Context extends RequestContext, BlogServices {
  loaders: Loaders;
}
