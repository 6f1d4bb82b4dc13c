import type { Db, PubSub, RequestContext } from '@mosaic/kit';
import type { Loaders } from './data/loaders';
import type { ChainRuntime } from './domain/chain-runtime';
import type { ChainSettings } from './env';

/** What chain's domain functions need beyond the request. */
export interface Context extends RequestContext {
  db: Db;
  now: () => Date;
  pubsub: PubSub;
  settings: ChainSettings;
  loaders: Loaders;
  chain: ChainRuntime;
}
