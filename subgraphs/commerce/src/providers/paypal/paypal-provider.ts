import type { IncomingHttpHeaders } from 'node:http';
import { z } from 'zod';
import { PaymentProviderError, WebhookRejectedError, type PaymentProvider, type PaymentState } from '../payment-provider';
import { fromDecimal, toDecimal } from './money';

export interface PayPalSettings {
  clientId: string;
  clientSecret: string;
  /** The webhook's id in the PayPal dashboard (verification is bound to it). */
  webhookId: string;
  /** https://api-m.paypal.com, the sandbox, or a local server in tests. */
  apiUrl: string;
}

const amount = z.object({ currency_code: z.string(), value: z.string() });
const link = z.object({ rel: z.string(), href: z.string() });
const capture = z.object({ id: z.string(), status: z.string(), amount });
const order = z.object({
  id: z.string(),
  status: z.string(),
  links: z.array(link).optional(),
  purchase_units: z.array(z.object({ payments: z.object({ captures: z.array(capture).optional() }).optional() })).optional(),
});
const token = z.object({ access_token: z.string(), expires_in: z.number() });
const webhookEvent = z.object({
  id: z.string(),
  event_type: z.string(),
  resource: z.object({
    id: z.string(),
    amount: amount.optional(),
    supplementary_data: z.object({ related_ids: z.object({ order_id: z.string().optional() }) }).optional(),
  }),
});

/**
 * PayPal Orders v2 over its REST API: an order per checkout (the buyer approves it at the `approve`
 * link), captured by `confirmPayment`, refunded against its capture. Every write carries our
 * idempotency key as `PayPal-Request-Id`. Webhooks are verified by PayPal's own
 * verify-webhook-signature call for our webhook id; `PAYMENT.CAPTURE.COMPLETED` marks the order paid.
 */
export function paypalProvider(settings: PayPalSettings): PaymentProvider {
  const base = settings.apiUrl.replace(/\/$/, '');
  let cached: { token: string; expiresAt: number } | null = null;

  async function accessToken(): Promise<string> {
    if (cached && cached.expiresAt > Date.now()) return cached.token;
    const response = await send('/v1/oauth2/token', {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from(`${settings.clientId}:${settings.clientSecret}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials',
    });
    const parsed = token.parse(await response.json());
    cached = { token: parsed.access_token, expiresAt: Date.now() + (parsed.expires_in - 60) * 1000 };
    return parsed.access_token;
  }

  async function send(path: string, init: RequestInit): Promise<Response> {
    let response: Response;
    try {
      response = await fetch(`${base}${path}`, { ...init, signal: AbortSignal.timeout(15_000) });
    } catch (error) {
      throw new PaymentProviderError(`PayPal unreachable: ${(error as Error).message}`, true);
    }
    return response;
  }

  async function api(path: string, method: 'GET' | 'POST', body?: unknown, requestId?: string): Promise<{ status: number; json: unknown }> {
    const headers: Record<string, string> = { authorization: `Bearer ${await accessToken()}`, 'content-type': 'application/json', prefer: 'return=representation' };
    if (requestId) headers['paypal-request-id'] = requestId;
    const response = await send(path, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    const json: unknown = await response.json().catch(() => null);
    if (response.status >= 500) throw new PaymentProviderError(`PayPal answered ${response.status}.`, true);
    return { status: response.status, json };
  }

  const captureOf = (o: z.output<typeof order>) => o.purchase_units?.flatMap((u) => u.payments?.captures ?? [])[0] ?? null;

  return {
    name: 'paypal',
    async createPayment(request) {
      const { status, json } = await api(
        '/v2/checkout/orders',
        'POST',
        { intent: 'CAPTURE', purchase_units: [{ reference_id: request.orderId, custom_id: request.orderId, description: request.description, amount: { currency_code: request.currency, value: toDecimal(request.amountMinor, request.currency) } }] },
        request.idempotencyKey,
      );
      if (status >= 400) throw new PaymentProviderError(`PayPal refused the order (${status}).`, false);
      const created = order.parse(json);
      const approve = created.links?.find((l) => l.rel === 'approve' || l.rel === 'payer-action')?.href ?? null;
      return { provider: 'paypal', reference: created.id, clientSecret: null, approvalUrl: approve };
    },
    async confirmPayment({ reference, idempotencyKey }): Promise<PaymentState> {
      const { status, json } = await api(`/v2/checkout/orders/${encodeURIComponent(reference)}/capture`, 'POST', {}, idempotencyKey);
      if (status === 422) {
        // ORDER_NOT_APPROVED: the buyer has not approved it yet; ORDER_ALREADY_CAPTURED: read it.
        const current = order.parse((await api(`/v2/checkout/orders/${encodeURIComponent(reference)}`, 'GET')).json);
        const done = captureOf(current);
        if (current.status === 'COMPLETED' && done) return { status: 'succeeded', amountMinor: fromDecimal(done.amount.value, done.amount.currency_code), currency: done.amount.currency_code };
        return { status: 'pending', amountMinor: 0, currency: '' };
      }
      if (status >= 400) throw new PaymentProviderError(`PayPal refused the capture (${status}).`, false);
      const captured = order.parse(json);
      const done = captureOf(captured);
      if (!done) return { status: 'pending', amountMinor: 0, currency: '' };
      return { status: done.status === 'COMPLETED' ? 'succeeded' : done.status === 'DECLINED' ? 'failed' : 'pending', amountMinor: fromDecimal(done.amount.value, done.amount.currency_code), currency: done.amount.currency_code };
    },
    async refund(request) {
      const current = order.parse((await api(`/v2/checkout/orders/${encodeURIComponent(request.reference)}`, 'GET')).json);
      const done = captureOf(current);
      if (!done) throw new PaymentProviderError('PayPal: the order has no capture to refund.', false);
      const { status, json } = await api(`/v2/payments/captures/${encodeURIComponent(done.id)}/refund`, 'POST', { amount: { currency_code: request.currency, value: toDecimal(request.amountMinor, request.currency) } }, request.idempotencyKey);
      if (status >= 400) throw new PaymentProviderError(`PayPal refused the refund (${status}).`, false);
      const refund = z.object({ id: z.string(), status: z.string() }).parse(json);
      return { reference: refund.id, status: refund.status === 'COMPLETED' ? 'succeeded' : refund.status === 'CANCELLED' || refund.status === 'FAILED' ? 'failed' : 'pending' };
    },
    async verifyWebhook(rawBody: string, headers: IncomingHttpHeaders) {
      const header = (name: string) => {
        const value = headers[name];
        if (typeof value !== 'string') throw new WebhookRejectedError(`Missing ${name} header.`);
        return value;
      };
      let parsedBody: unknown;
      try {
        parsedBody = JSON.parse(rawBody);
      } catch {
        throw new WebhookRejectedError('The body is not JSON.');
      }
      const verification = await api('/v1/notifications/verify-webhook-signature', 'POST', {
        auth_algo: header('paypal-auth-algo'),
        cert_url: header('paypal-cert-url'),
        transmission_id: header('paypal-transmission-id'),
        transmission_sig: header('paypal-transmission-sig'),
        transmission_time: header('paypal-transmission-time'),
        webhook_id: settings.webhookId,
        webhook_event: parsedBody,
      });
      const verdict = z.object({ verification_status: z.string() }).safeParse(verification.json);
      if (verification.status >= 400 || !verdict.success || verdict.data.verification_status !== 'SUCCESS') throw new WebhookRejectedError('PayPal did not verify this webhook.');
      const event = webhookEvent.safeParse(parsedBody);
      if (!event.success) throw new WebhookRejectedError('Not a PayPal webhook event.');
      const { resource } = event.data;
      const orderId = resource.supplementary_data?.related_ids.order_id;
      if (!['PAYMENT.CAPTURE.COMPLETED', 'PAYMENT.CAPTURE.DENIED'].includes(event.data.event_type) || !orderId || !resource.amount) return null;
      return {
        id: event.data.id,
        type: event.data.event_type === 'PAYMENT.CAPTURE.COMPLETED' ? 'payment.succeeded' : 'payment.failed',
        reference: orderId,
        amountMinor: fromDecimal(resource.amount.value, resource.amount.currency_code),
        currency: resource.amount.currency_code,
      };
    },
  };
}
