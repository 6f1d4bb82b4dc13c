import Stripe from 'stripe';
import { z } from 'zod';
import type { BillingEvent, BillingProvider, ProviderSubscription } from './billing-provider';
import { WebhookSignatureError } from './billing-provider';

export interface StripeBillingConfig {
  secretKey: string;
  webhookSecret: string;
  /** Stripe price id of each paid plan (`{ team: 'price_…', business: 'price_…' }`). */
  prices: Readonly<Record<string, string>>;
  /** Where the API is: https://api.stripe.com, or a local server speaking its format (tests). */
  apiUrl: string;
}

const STATUSES = ['trialing', 'active', 'past_due', 'unpaid', 'canceled', 'incomplete', 'incomplete_expired', 'paused'] as const;

/** The fields of Stripe's Subscription object tenancy reads (API 2025+: the period is on the items). */
const subscriptionObject = z.object({
  id: z.string(),
  object: z.literal('subscription'),
  customer: z.union([z.string(), z.object({ id: z.string() })]),
  status: z.enum(STATUSES),
  cancel_at_period_end: z.boolean(),
  trial_end: z.number().nullable().optional(),
  items: z.object({
    data: z.array(z.object({ id: z.string(), price: z.object({ id: z.string() }), current_period_start: z.number().optional(), current_period_end: z.number().optional() })).min(1),
  }),
});
type SubscriptionObject = z.infer<typeof subscriptionObject>;

const invoiceObject = z.object({ object: z.literal('invoice'), customer: z.union([z.string(), z.object({ id: z.string() })]) });
const eventEnvelope = z.object({ id: z.string(), type: z.string(), data: z.object({ object: z.record(z.string(), z.unknown()) }) });

const seconds = (value: number | null | undefined) => (typeof value === 'number' ? new Date(value * 1000) : null);
const idOf = (customer: string | { id: string }) => (typeof customer === 'string' ? customer : customer.id);

/** Stripe Billing through the official client: customers, checkout sessions, the portal, subscriptions, signed webhooks. */
export function stripeBilling(config: StripeBillingConfig): BillingProvider {
  const api = new URL(config.apiUrl);
  const stripe = new Stripe(config.secretKey, {
    host: api.hostname,
    port: api.port || (api.protocol === 'https:' ? 443 : 80),
    protocol: api.protocol === 'https:' ? 'https' : 'http',
    maxNetworkRetries: 2,
    telemetry: false,
  });
  const planOfPrice = (priceId: string) => Object.entries(config.prices).find(([, id]) => id === priceId)?.[0];
  const priceOf = (plan: string) => {
    const price = config.prices[plan];
    if (!price) throw new Error(`No Stripe price is configured for the ${plan} plan (STRIPE_PRICE_${plan.toUpperCase()}).`);
    return price;
  };

  function toSubscription(object: SubscriptionObject): ProviderSubscription {
    const item = object.items.data[0]!;
    const plan = planOfPrice(item.price.id);
    if (!plan) throw new Error(`Stripe subscription ${object.id} has price ${item.price.id}, which is no plan's (check STRIPE_PRICE_*).`);
    const status = object.status === 'incomplete_expired' ? 'canceled' : object.status === 'paused' ? 'past_due' : object.status;
    return {
      subscriptionId: object.id,
      customerId: idOf(object.customer),
      plan,
      status,
      trialEndsAt: seconds(object.trial_end),
      currentPeriodStart: seconds(item.current_period_start),
      currentPeriodEnd: seconds(item.current_period_end),
      cancelAtPeriodEnd: object.cancel_at_period_end,
    };
  }

  return {
    name: 'stripe',
    async createCustomer(organization) {
      const customer = await stripe.customers.create(
        { name: organization.name, metadata: { organization_id: organization.id, slug: organization.slug } },
        { idempotencyKey: `customer-${organization.id}` },
      );
      return customer.id;
    },
    async checkout(input) {
      const session = await stripe.checkout.sessions.create({
        mode: 'subscription',
        customer: input.customerId,
        client_reference_id: input.organizationId,
        line_items: [{ price: priceOf(input.plan), quantity: 1 }],
        ...(input.trialDays > 0 ? { subscription_data: { trial_period_days: input.trialDays } } : {}),
        success_url: input.successUrl,
        cancel_url: input.cancelUrl,
      });
      if (!session.url) throw new Error('Stripe returned a checkout session without a URL.');
      return { url: session.url };
    },
    async portalUrl(customerId, returnUrl) {
      return (await stripe.billingPortal.sessions.create({ customer: customerId, return_url: returnUrl })).url;
    },
    async changePlan(subscription, plan) {
      const current = subscriptionObject.parse(await stripe.subscriptions.retrieve(subscription.subscriptionId));
      const updated = await stripe.subscriptions.update(subscription.subscriptionId, {
        items: [{ id: current.items.data[0]!.id, price: priceOf(plan) }],
        proration_behavior: 'create_prorations',
      });
      return toSubscription(subscriptionObject.parse(updated));
    },
    async cancelAtPeriodEnd(subscription) {
      return toSubscription(subscriptionObject.parse(await stripe.subscriptions.update(subscription.subscriptionId, { cancel_at_period_end: true })));
    },
    async parseWebhook(rawBody, signature) {
      if (!signature) throw new WebhookSignatureError('The Stripe-Signature header is missing.');
      let event: unknown;
      try {
        event = await stripe.webhooks.constructEventAsync(rawBody, signature, config.webhookSecret);
      } catch (error) {
        throw new WebhookSignatureError(error instanceof Error ? error.message : 'The webhook signature does not match.');
      }
      const { id, type, data } = eventEnvelope.parse(event);
      if (type.startsWith('customer.subscription.')) {
        const subscription = toSubscription(subscriptionObject.parse(data.object));
        return { id, type, customerId: subscription.customerId, subscription, paymentFailed: false } satisfies BillingEvent;
      }
      if (type === 'invoice.payment_failed') {
        return { id, type, customerId: idOf(invoiceObject.parse(data.object).customer), subscription: null, paymentFailed: true } satisfies BillingEvent;
      }
      return null;
    },
  };
}
