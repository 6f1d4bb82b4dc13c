import type { Db, PubSub, RequestContext } from '@mosaic/kit';
import type { Loaders } from './data/loaders';
import type { CommerceSettings } from './env';
import type { CommerceOutbox } from './events';
import type { PaymentProvider } from './providers/payment-provider';

/** What commerce's domain functions need beyond the request. */
export interface Context extends RequestContext {
  db: Db;
  now: () => Date;
  settings: CommerceSettings;
  loaders: Loaders;
  events: CommerceOutbox;
  payments: PaymentProvider;
  pubsub: PubSub;
}
