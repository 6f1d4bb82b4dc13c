/** A subscription as the provider reports it (the fields tenancy keeps). */
export interface ProviderSubscription {
  subscriptionId: string;
  customerId: string;
  plan: string;
  status: 'trialing' | 'active' | 'past_due' | 'unpaid' | 'canceled' | 'incomplete';
  trialEndsAt: Date | null;
  currentPeriodStart: Date | null;
  currentPeriodEnd: Date | null;
  cancelAtPeriodEnd: boolean;
}

/** A verified webhook event that concerns a subscription. */
export interface BillingEvent {
  id: string;
  type: string;
  customerId: string;
  /** The new subscription state, when the event carries one; `invoice.payment_failed` carries none. */
  subscription: ProviderSubscription | null;
  /** A payment failed: the subscription enters dunning (past_due) until paid or given up (unpaid). */
  paymentFailed: boolean;
}

export class WebhookSignatureError extends Error {}

/**
 * Billing behind one interface: Stripe Billing (the real service) or the offline default, which
 * needs no network and applies every change at once (what `pnpm start` uses).
 */
export interface BillingProvider {
  readonly name: 'stripe' | 'offline';
  createCustomer(organization: { id: string; name: string; slug: string }): Promise<string>;
  /**
   * Starts a paid plan: Stripe returns a hosted checkout URL (the subscription arrives by webhook);
   * the offline provider returns the subscription itself, in its trial.
   */
  checkout(input: { customerId: string; organizationId: string; plan: string; trialDays: number; successUrl: string; cancelUrl: string }): Promise<{ url: string } | { subscription: ProviderSubscription }>;
  /** The customer portal (invoices, payment methods); null where there is none (offline). */
  portalUrl(customerId: string, returnUrl: string): Promise<string | null>;
  /** Upgrade or downgrade with proration from now. */
  changePlan(subscription: ProviderSubscription, plan: string): Promise<ProviderSubscription>;
  cancelAtPeriodEnd(subscription: ProviderSubscription): Promise<ProviderSubscription>;
  /** Verifies a webhook's signature and reads it; WebhookSignatureError when it is not the provider's. */
  parseWebhook(rawBody: string, signature: string | undefined): Promise<BillingEvent | null>;
}
