import { createSubgraph, deadLetterAdminResolvers, logMailer, mergeResolvers, smtpMailer, USAGE_NAMESPACE, type BuildDeps, type BuiltSubgraph } from '@mosaic/kit';
import { accountEvents } from '@mosaic/accounts/events';
import { billingWebhookHandler } from './billing-http';
import type { Context } from './context';
import { createLoaders } from './data/loaders';
import { forgetDeletedAccount } from './domain/account-deleted';
import type { TenancySettings } from './env';
import { tenancyEvents } from './events';
import type { BillingProvider } from './providers/billing/billing-provider';
import { offlineBilling } from './providers/billing/offline-billing';
import { stripeBilling } from './providers/billing/stripe-billing';
import { resolvers } from './resolvers';

export function buildSubgraph(deps: BuildDeps, settings: TenancySettings): BuiltSubgraph {
  const events = deps.events.outbox(tenancyEvents);
  const provider = settings.billing.provider;
  const billing: BillingProvider = provider.kind === 'stripe' ? stripeBilling(provider) : offlineBilling(deps.now);
  // A deleted account's memberships end (at least once; the inbox makes a repeat change nothing).
  deps.events.on(accountEvents, 'account.deleted', forgetDeletedAccount(events, deps.now), { group: 'account-deleted' });
  const mailer = settings.mail.smtpUrl ? smtpMailer(settings.mail.smtpUrl, settings.mail.from) : logMailer(deps.log.child({ component: 'mail' }));
  // What the gateway's metering counts (all-in-one: the same in-process counters; services mode: Redis).
  const usage = deps.caches.counters(USAGE_NAMESPACE);
  const subgraph = createSubgraph<Context>({
    deps,
    resolvers: mergeResolvers(resolvers, deadLetterAdminResolvers(deps.name, deps.events)),
    context: (base) => ({ ...base, db: deps.db, now: deps.now, settings, events, billing, mailer, loaders: createLoaders(deps.db, deps.now, usage) }),
  });
  // The billing provider's webhooks (`deployment.publicPaths`): public, verified by signature.
  return { subgraph, publicHttp: billingWebhookHandler({ db: deps.db, events, billing, now: deps.now, log: deps.log }), close: async () => mailer.close() };
}
