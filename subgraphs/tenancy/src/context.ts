import type { Db, Mailer, Outbox, RequestContext } from '@mosaic/kit';
import type { Loaders } from './data/loaders';
import type { TenancySettings } from './env';
import type { tenancyEvents } from './events';
import type { BillingProvider } from './providers/billing/billing-provider';

/** What tenancy's domain functions need beyond the request. */
export interface Context extends RequestContext {
  db: Db;
  now: () => Date;
  settings: TenancySettings;
  loaders: Loaders;
  events: Outbox<typeof tenancyEvents>;
  billing: BillingProvider;
  mailer: Mailer;
}
