import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';

interface PayPalOrder {
  id: string;
  status: 'CREATED' | 'APPROVED' | 'COMPLETED';
  amount: { currency_code: string; value: string };
  captureId: string | null;
}

/**
 * A local server speaking PayPal's documented REST wire format for what commerce calls: OAuth
 * client credentials, Orders v2 (create, get, capture), capture refunds, and
 * verify-webhook-signature. `PayPal-Request-Id` is honoured like PayPal does (a repeat returns
 * the first result). Webhook transmissions it "signed" are remembered; verification succeeds only
 * for those, with the same webhook id and the unchanged event.
 */
export async function startFakePayPal(clientId: string, clientSecret: string, webhookId: string) {
  const orders = new Map<string, PayPalOrder>();
  const refunds: { id: string; captureId: string; value: string }[] = [];
  const requestIds = new Map<string, string>();
  const transmissions = new Map<string, string>();
  const calls: { method: string; path: string; requestId: string | null }[] = [];
  const token = `A21AA${randomUUID()}`;
  const read = (req: IncomingMessage) => new Promise<string>((resolve) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => resolve(body));
  });
  const view = (o: PayPalOrder) => ({
    id: o.id,
    status: o.status,
    links: [{ rel: 'self', href: `https://api.sandbox.paypal.test/v2/checkout/orders/${o.id}` }, { rel: 'approve', href: `https://www.sandbox.paypal.test/checkoutnow?token=${o.id}` }],
    purchase_units: [{ amount: o.amount, payments: o.captureId ? { captures: [{ id: o.captureId, status: 'COMPLETED', amount: o.amount }] } : undefined }],
  });
  const server = createServer(async (req, res) => {
    const raw = await read(req);
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const requestId = typeof req.headers['paypal-request-id'] === 'string' ? req.headers['paypal-request-id'] : null;
    calls.push({ method: req.method ?? '', path, requestId });
    const send = (status: number, json: unknown) => {
      const text = JSON.stringify(json);
      if (requestId && status < 500) requestIds.set(`${path} ${requestId}`, `${status}\n${text}`);
      res.writeHead(status, { 'content-type': 'application/json', 'paypal-debug-id': randomUUID().slice(0, 13) });
      res.end(text);
    };
    if (path === '/v1/oauth2/token') {
      if (req.headers.authorization !== `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}` || raw !== 'grant_type=client_credentials') return send(401, { error: 'invalid_client' });
      return send(200, { scope: 'https://uri.paypal.com/services/payments', access_token: token, token_type: 'Bearer', expires_in: 32400 });
    }
    if (req.headers.authorization !== `Bearer ${token}`) return send(401, { name: 'AUTHENTICATION_FAILURE' });
    if (requestId && requestIds.has(`${path} ${requestId}`)) {
      const [status, text] = requestIds.get(`${path} ${requestId}`)!.split('\n', 2) as [string, string];
      res.writeHead(Number(status), { 'content-type': 'application/json' });
      return res.end(text);
    }
    const body = raw ? JSON.parse(raw) : {};
    if (req.method === 'POST' && path === '/v2/checkout/orders') {
      const order: PayPalOrder = { id: randomUUID().replace(/-/g, '').slice(0, 17).toUpperCase(), status: 'CREATED', amount: body.purchase_units[0].amount, captureId: null };
      orders.set(order.id, order);
      return send(201, view(order));
    }
    const orderPath = /^\/v2\/checkout\/orders\/(\w+)(\/capture)?$/.exec(path);
    if (orderPath) {
      const order = orders.get(orderPath[1]!);
      if (!order) return send(404, { name: 'RESOURCE_NOT_FOUND' });
      if (req.method === 'GET' && !orderPath[2]) return send(200, view(order));
      if (req.method === 'POST' && orderPath[2]) {
        if (order.status === 'CREATED') return send(422, { name: 'UNPROCESSABLE_ENTITY', details: [{ issue: 'ORDER_NOT_APPROVED' }] });
        if (order.status === 'COMPLETED') return send(422, { name: 'UNPROCESSABLE_ENTITY', details: [{ issue: 'ORDER_ALREADY_CAPTURED' }] });
        order.status = 'COMPLETED';
        order.captureId = randomUUID().replace(/-/g, '').slice(0, 17).toUpperCase();
        return send(201, view(order));
      }
    }
    const refundPath = /^\/v2\/payments\/captures\/(\w+)\/refund$/.exec(path);
    if (req.method === 'POST' && refundPath) {
      const refund = { id: randomUUID().replace(/-/g, '').slice(0, 17).toUpperCase(), captureId: refundPath[1]!, value: body.amount.value };
      refunds.push(refund);
      return send(201, { id: refund.id, status: 'COMPLETED' });
    }
    if (req.method === 'POST' && path === '/v1/notifications/verify-webhook-signature') {
      const expected = transmissions.get(body.transmission_sig);
      const ok = expected !== undefined && body.webhook_id === webhookId && expected === JSON.stringify(body.webhook_event);
      return send(200, { verification_status: ok ? 'SUCCESS' : 'FAILURE' });
    }
    send(404, { name: 'RESOURCE_NOT_FOUND' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    orders,
    refunds,
    calls,
    /** The buyer approves the order at PayPal. */
    approve: (id: string) => void (orders.get(id)!.status = 'APPROVED'),
    /** A webhook delivery as PayPal sends it: the event and its transmission headers. */
    transmit(event: unknown) {
      const sig = randomUUID();
      transmissions.set(sig, JSON.stringify(event));
      return {
        'paypal-auth-algo': 'SHA256withRSA',
        'paypal-cert-url': 'https://api.sandbox.paypal.test/v1/notifications/certs/CERT-360caa42',
        'paypal-transmission-id': randomUUID(),
        'paypal-transmission-sig': sig,
        'paypal-transmission-time': new Date().toISOString(),
      };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
