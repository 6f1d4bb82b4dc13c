import type { Db, Logger, Outbox } from '@mosaic/kit';
import type { tenancyEvents } from '../events';
import { findSubscriptionByCustomer, recordBillingEvent } from '../data/billing-repo';
import type { BillingEvent, BillingProvider } from '../providers/billing/billing-provider';
import { applySubscription } from './billing';

export type WebhookOutcome = 'applied' | 'duplicate' | 'ignored' | 'unknown-customer';

/**
 * Applies one verified provider event, once: the event id is recorded in the transaction of the
 * change, so a redelivery changes nothing. An event for a customer that is no organisation's (a
 * webhook meant for another account) writes nothing.
 */
export async function applyBillingEvent(db: Db, events: Outbox<typeof tenancyEvents>, provider: BillingProvider, event: BillingEvent, now: Date, log: Logger): Promise<WebhookOutcome> {
  const announcing = { events, now: () => now };
  return db.transaction(async (tx) => {
    const current = await findSubscriptionByCustomer(tx, provider.name, event.customerId);
    if (!current) {
      log.warn({ eventId: event.id, type: event.type }, 'billing webhook for a customer that is no organization\'s');
      return 'unknown-customer';
    }
    if (!(await recordBillingEvent(tx, { provider: provider.name, eventId: event.id, type: event.type, organizationId: current.organizationId, appliedAt: now }))) return 'duplicate';
    if (event.subscription) {
      await applySubscription(announcing, tx, current.organizationId, provider.name, event.subscription, now, current.lastProrationMinor);
    } else if (event.paymentFailed && current.subscriptionId && current.status !== 'canceled') {
      await applySubscription(announcing, tx, current.organizationId, provider.name, { ...current, subscriptionId: current.subscriptionId, status: 'past_due' }, now, current.lastProrationMinor);
    }
    return 'applied';
  });
}
