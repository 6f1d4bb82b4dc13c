import { createSubgraph, deadLetterAdminResolvers, mergeResolvers, type BuildDeps, type BuiltSubgraph } from '@mosaic/kit';
import { accountEvents } from '@mosaic/accounts/events';
import type { Context } from './context';
import { createLoaders } from './data/loaders';
import { forgetDeletedAccount } from './domain/account-deleted';
import { pendingOrderSweeper } from './domain/orders/expire-pending';
import { fanOutOrderChanges } from './domain/orders/live';
import { webhookHandler } from './domain/webhooks';
import type { CommerceSettings } from './env';
import { commerceEvents } from './events';
import { paymentProviderFor } from './providers';
import type { PaymentProvider } from './providers/payment-provider';
import { resolvers } from './resolvers';

/**
 * The GraphQL subgraph and the payment webhooks (`publicHttp`, mounted at /commerce/webhooks by
 * the platform). `payments` may be given by tests (a provider pointed at a local server).
 */
export function buildSubgraph(deps: BuildDeps, settings: CommerceSettings, payments: PaymentProvider = paymentProviderFor(settings.payments)): BuiltSubgraph {
  const events = deps.events.outbox(commerceEvents);
  // Orders stay, anonymised, when their buyer's account goes (at least once; the inbox makes a repeat change nothing).
  deps.events.on(accountEvents, 'account.deleted', forgetDeletedAccount, { group: 'account-deleted' });
  // The buyer's live stream is fed by the relay, so only committed changes reach it, in order per order.
  deps.events.on(commerceEvents, 'order.status-changed', fanOutOrderChanges(deps.pubsub), { group: 'live', inbox: false, retryInPlace: true });
  const subgraph = createSubgraph<Context>({
    deps,
    resolvers: mergeResolvers(resolvers, deadLetterAdminResolvers(deps.name, deps.events)),
    context: (base) => ({ ...base, db: deps.db, now: deps.now, settings, loaders: createLoaders(deps.db), events, payments, pubsub: deps.pubsub }),
  });
  const sweeper = pendingOrderSweeper({ db: deps.db, events, now: deps.now, log: deps.log }, settings.pendingOrders.ttlSeconds, settings.pendingOrders.sweepMs);
  sweeper.start();
  return { subgraph, publicHttp: webhookHandler({ db: deps.db, events, now: deps.now, log: deps.log, provider: payments }), close: () => sweeper.close() };
}
