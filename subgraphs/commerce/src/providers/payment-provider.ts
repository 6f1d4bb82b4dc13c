import type { IncomingHttpHeaders } from 'node:http';

/**
 * One interface for every payment provider (offline, Stripe, PayPal). Every call carries an
 * idempotency key that commerce stores before calling: a retry after a timeout reuses it, so the
 * provider charges or refunds once.
 */
export interface PaymentProvider {
  readonly name: 'offline' | 'stripe' | 'paypal';
  /** Opens a payment for an order (a PaymentIntent, a PayPal order, an offline reference). */
  createPayment(request: CreatePaymentRequest): Promise<PaymentSession>;
  /**
   * Where the buyer's payment stands, asking the provider (PayPal: captures an approved order).
   * Used by `confirmPayment`; webhooks report the same facts on their own.
   */
  confirmPayment(request: { reference: string; idempotencyKey: string }): Promise<PaymentState>;
  refund(request: RefundRequest): Promise<{ reference: string; status: 'succeeded' | 'pending' | 'failed' }>;
  /**
   * Verifies a webhook with the provider's own scheme (Stripe: the signature header with the
   * library's verifier; PayPal: the verify-webhook-signature API) and reads it. Throws
   * `WebhookRejectedError` when it is not authentic; null when it is authentic but not about payments.
   */
  verifyWebhook(rawBody: string, headers: IncomingHttpHeaders): Promise<WebhookEvent | null>;
}

export interface CreatePaymentRequest {
  orderId: string;
  amountMinor: number;
  currency: string;
  idempotencyKey: string;
  description: string;
}

export interface PaymentSession {
  provider: string;
  reference: string;
  clientSecret: string | null;
  approvalUrl: string | null;
}

export interface PaymentState {
  status: 'succeeded' | 'pending' | 'failed';
  amountMinor: number;
  currency: string;
}

export interface RefundRequest {
  reference: string;
  amountMinor: number;
  currency: string;
  idempotencyKey: string;
}

/** A verified webhook: `id` is the provider's event id (deduplication), `reference` the payment's. */
export interface WebhookEvent {
  id: string;
  type: 'payment.succeeded' | 'payment.failed';
  reference: string;
  amountMinor: number;
  currency: string;
}

export class WebhookRejectedError extends Error {}

/** The provider answered with an error or could not be reached. */
export class PaymentProviderError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}
