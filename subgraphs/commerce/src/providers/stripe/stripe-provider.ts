import type { IncomingHttpHeaders } from 'node:http';
import Stripe from 'stripe';
import { PaymentProviderError, WebhookRejectedError, type PaymentProvider, type PaymentState } from '../payment-provider';

export interface StripeSettings {
  secretKey: string;
  webhookSecret: string;
  /** Another API origin (a local server in tests); null = api.stripe.com. */
  apiUrl: string | null;
}

/**
 * Stripe through its official library: a PaymentIntent per order (the buyer pays with Stripe.js
 * and the client secret), refunds against it, webhooks verified with the library's own signature
 * check (`constructEventAsync`: HMAC-SHA256 over the timestamped raw body, 5-minute tolerance).
 * Every write passes our idempotency key, so a retry never charges or refunds twice.
 */
export function stripeProvider(settings: StripeSettings): PaymentProvider {
  const origin = settings.apiUrl ? new URL(settings.apiUrl) : null;
  const stripe = new Stripe(settings.secretKey, {
    maxNetworkRetries: 2,
    timeout: 15_000,
    telemetry: false,
    ...(origin ? { host: origin.hostname, port: origin.port || (origin.protocol === 'https:' ? 443 : 80), protocol: origin.protocol === 'https:' ? 'https' : 'http' } : {}),
  });
  const fail = (error: unknown): never => {
    if (error instanceof Stripe.errors.StripeError) {
      const retryable = error instanceof Stripe.errors.StripeConnectionError || error instanceof Stripe.errors.StripeAPIError || error instanceof Stripe.errors.StripeRateLimitError;
      throw new PaymentProviderError(`Stripe: ${error.message}`, retryable);
    }
    throw error;
  };
  const stateOf = (intent: Stripe.PaymentIntent): PaymentState => ({
    status: intent.status === 'succeeded' ? 'succeeded' : intent.status === 'canceled' ? 'failed' : 'pending',
    amountMinor: intent.status === 'succeeded' ? intent.amount_received : intent.amount,
    currency: intent.currency.toUpperCase(),
  });
  return {
    name: 'stripe',
    async createPayment(request) {
      const intent = await stripe.paymentIntents
        .create(
          {
            amount: request.amountMinor,
            currency: request.currency.toLowerCase(),
            description: request.description,
            metadata: { orderId: request.orderId },
            automatic_payment_methods: { enabled: true },
          },
          { idempotencyKey: request.idempotencyKey },
        )
        .catch(fail);
      return { provider: 'stripe', reference: intent.id, clientSecret: intent.client_secret, approvalUrl: null };
    },
    async confirmPayment({ reference }) {
      return stateOf(await stripe.paymentIntents.retrieve(reference).catch(fail));
    },
    async refund(request) {
      const refund = await stripe.refunds.create({ payment_intent: request.reference, amount: request.amountMinor }, { idempotencyKey: request.idempotencyKey }).catch(fail);
      return { reference: refund.id, status: refund.status === 'succeeded' ? 'succeeded' : refund.status === 'failed' || refund.status === 'canceled' ? 'failed' : 'pending' };
    },
    async verifyWebhook(rawBody: string, headers: IncomingHttpHeaders) {
      const signature = headers['stripe-signature'];
      if (typeof signature !== 'string') throw new WebhookRejectedError('Missing Stripe-Signature header.');
      let event: Stripe.Event;
      try {
        event = await stripe.webhooks.constructEventAsync(rawBody, signature, settings.webhookSecret);
      } catch (error) {
        throw new WebhookRejectedError(error instanceof Error ? error.message : 'Invalid signature.');
      }
      if (event.type !== 'payment_intent.succeeded' && event.type !== 'payment_intent.payment_failed') return null;
      const intent = event.data.object;
      return {
        id: event.id,
        type: event.type === 'payment_intent.succeeded' ? 'payment.succeeded' : 'payment.failed',
        reference: intent.id,
        amountMinor: intent.amount_received,
        currency: intent.currency.toUpperCase(),
      };
    },
  };
}
