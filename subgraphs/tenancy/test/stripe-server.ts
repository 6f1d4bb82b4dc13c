import { createHmac, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local server speaking the parts of Stripe's documented REST API that tenancy uses
 * (form-encoded requests with bracketed keys, JSON objects with `object`, errors as
 * `{ error: { type, message } }`), and a sender of webhooks signed as Stripe documents them:
 * `Stripe-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<payload>" with the endpoint secret>`.
 */
export async function startStripeServer(webhookSecret: string) {
  const customers = new Map<string, { id: string; name: string; metadata: Record<string, string> }>();
  const subscriptions = new Map<string, Subscription>();
  const requests: { method: string; path: string; form: URLSearchParams }[] = [];

  const server = createServer((req, res) => void handle(req, res));
  async function handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
    const path = new URL(req.url ?? '/', 'http://stripe.test').pathname;
    requests.push({ method: req.method ?? 'GET', path, form });
    if (!/^Bearer sk_test_/.test(req.headers.authorization ?? '')) return send(res, 401, { error: { type: 'invalid_request_error', message: 'Invalid API Key provided' } });
    if (req.method === 'POST' && path === '/v1/customers') {
      const customer = { id: `cus_${randomBytes(7).toString('hex')}`, object: 'customer', name: form.get('name') ?? '', metadata: { organization_id: form.get('metadata[organization_id]') ?? '' } };
      customers.set(customer.id, customer);
      return send(res, 200, customer);
    }
    if (req.method === 'POST' && path === '/v1/checkout/sessions') {
      const id = `cs_test_${randomBytes(8).toString('hex')}`;
      return send(res, 200, { id, object: 'checkout.session', mode: form.get('mode'), customer: form.get('customer'), url: `https://checkout.stripe.test/c/pay/${id}`, client_reference_id: form.get('client_reference_id') });
    }
    if (req.method === 'POST' && path === '/v1/billing_portal/sessions') {
      return send(res, 200, { id: `bps_${randomBytes(6).toString('hex')}`, object: 'billing_portal.session', customer: form.get('customer'), url: `https://billing.stripe.test/p/session/${randomBytes(6).toString('hex')}` });
    }
    const match = /^\/v1\/subscriptions\/([^/]+)$/.exec(path);
    const subscription = match ? subscriptions.get(match[1]!) : undefined;
    if (match && !subscription) return send(res, 404, { error: { type: 'invalid_request_error', message: `No such subscription: '${match[1]}'` } });
    if (subscription && req.method === 'GET') return send(res, 200, subscription);
    if (subscription && req.method === 'POST') {
      const price = form.get('items[0][price]');
      if (price) subscription.items.data[0]!.price = { id: price, object: 'price' };
      if (form.get('cancel_at_period_end') !== null) subscription.cancel_at_period_end = form.get('cancel_at_period_end') === 'true';
      return send(res, 200, subscription);
    }
    send(res, 404, { error: { type: 'invalid_request_error', message: `Unrecognized request URL (${req.method}: ${path})` } });
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  /** What completing a checkout does at Stripe: a subscription on the customer, trialing when asked. */
  function completeCheckout(customerId: string, priceId: string, trialDays = 0): Subscription {
    const now = Math.floor(Date.now() / 1000);
    const end = now + (trialDays > 0 ? trialDays : 30) * 86_400;
    const subscription: Subscription = {
      id: `sub_${randomBytes(7).toString('hex')}`,
      object: 'subscription',
      customer: customerId,
      status: trialDays > 0 ? 'trialing' : 'active',
      cancel_at_period_end: false,
      trial_end: trialDays > 0 ? end : null,
      items: { object: 'list', data: [{ id: `si_${randomBytes(6).toString('hex')}`, object: 'subscription_item', price: { id: priceId, object: 'price' }, current_period_start: now, current_period_end: end }] },
    };
    subscriptions.set(subscription.id, subscription);
    return subscription;
  }

  /** An event as Stripe posts it to a webhook endpoint, signed with the endpoint's secret (or another, to forge). */
  function webhook(type: string, object: unknown, options: { id?: string; secret?: string } = {}) {
    const payload = JSON.stringify({ id: options.id ?? `evt_${randomBytes(8).toString('hex')}`, object: 'event', api_version: '2026-10-28.endive', created: Math.floor(Date.now() / 1000), type, data: { object }, livemode: false, pending_webhooks: 1 });
    const t = Math.floor(Date.now() / 1000);
    const v1 = createHmac('sha256', options.secret ?? webhookSecret).update(`${t}.${payload}`).digest('hex');
    return { payload, signature: `t=${t},v1=${v1}` };
  }

  return {
    url,
    customers,
    subscriptions,
    requests,
    completeCheckout,
    webhook,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

interface Subscription {
  id: string;
  object: 'subscription';
  customer: string;
  status: string;
  cancel_at_period_end: boolean;
  trial_end: number | null;
  items: { object: 'list'; data: { id: string; object: 'subscription_item'; price: { id: string; object: 'price' }; current_period_start: number; current_period_end: number }[] };
}

function send(res: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'request-id': `req_${randomBytes(6).toString('hex')}` });
  res.end(text);
}
