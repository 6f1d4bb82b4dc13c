import { randomUUID } from 'node:crypto';
import type { BillingProvider, ProviderSubscription } from './billing-provider';
import { WebhookSignatureError } from './billing-provider';

const DAY_MS = 86_400_000;
const PERIOD_MS = 30 * DAY_MS;

/**
 * No network, no money: customers and subscriptions are made up on the spot and every change is
 * in force at once (a trial starts immediately, a plan change takes effect now). There are no
 * webhooks — nothing happens outside a request — so any webhook is refused.
 */
export function offlineBilling(now: () => Date): BillingProvider {
  return {
    name: 'offline',
    createCustomer: async () => `offline_cus_${randomUUID()}`,
    async checkout(input) {
      const start = now();
      const trialEnd = input.trialDays > 0 ? new Date(start.getTime() + input.trialDays * DAY_MS) : null;
      const subscription: ProviderSubscription = {
        subscriptionId: `offline_sub_${randomUUID()}`,
        customerId: input.customerId,
        plan: input.plan,
        status: trialEnd ? 'trialing' : 'active',
        trialEndsAt: trialEnd,
        currentPeriodStart: start,
        currentPeriodEnd: trialEnd ?? new Date(start.getTime() + PERIOD_MS),
        cancelAtPeriodEnd: false,
      };
      return { subscription };
    },
    portalUrl: async () => null,
    changePlan: async (subscription, plan) => ({ ...subscription, plan }),
    cancelAtPeriodEnd: async (subscription) => ({ ...subscription, cancelAtPeriodEnd: true }),
    async parseWebhook() {
      throw new WebhookSignatureError('The offline billing provider sends no webhooks.');
    },
  };
}
