import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';

interface Intent {
  id: string;
  object: 'payment_intent';
  amount: number;
  amount_received: number;
  currency: string;
  status: string;
  client_secret: string;
  metadata: Record<string, string>;
}

/**
 * A local server speaking Stripe's documented REST wire format for the calls commerce makes:
 * form-encoded POSTs, Bearer secret key, `Idempotency-Key` replayed like Stripe does (same key →
 * the same response, nothing created twice), JSON objects and errors shaped like the API's.
 */
export async function startFakeStripe(secretKey: string) {
  const intents = new Map<string, Intent>();
  const refunds: { id: string; payment_intent: string; amount: number }[] = [];
  const idempotent = new Map<string, string>();
  const calls: { method: string; path: string; idempotencyKey: string | null }[] = [];
  const read = (req: IncomingMessage) => new Promise<string>((resolve) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => resolve(body));
  });
  const server = createServer(async (req, res) => {
    const body = await read(req);
    const key = typeof req.headers['idempotency-key'] === 'string' ? req.headers['idempotency-key'] : null;
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    calls.push({ method: req.method ?? '', path, idempotencyKey: key });
    const send = (status: number, json: unknown) => {
      const text = JSON.stringify(json);
      if (key && req.method === 'POST') idempotent.set(key, `${status}\n${text}`);
      res.writeHead(status, { 'content-type': 'application/json', 'request-id': `req_${randomUUID()}` });
      res.end(text);
    };
    if (req.headers.authorization !== `Bearer ${secretKey}`) return send(401, { error: { type: 'invalid_request_error', message: 'Invalid API Key provided.' } });
    if (key && req.method === 'POST' && idempotent.has(key)) {
      const [status, text] = idempotent.get(key)!.split('\n', 2) as [string, string];
      res.writeHead(Number(status), { 'content-type': 'application/json', 'idempotent-replayed': 'true' });
      return res.end(text);
    }
    const form = new URLSearchParams(body);
    if (req.method === 'POST' && path === '/v1/payment_intents') {
      const id = `pi_${randomUUID().replace(/-/g, '').slice(0, 24)}`;
      const metadata: Record<string, string> = {};
      for (const [name, value] of form) {
        const match = /^metadata\[(.+)\]$/.exec(name);
        if (match) metadata[match[1]!] = value;
      }
      const intent: Intent = { id, object: 'payment_intent', amount: Number(form.get('amount')), amount_received: 0, currency: form.get('currency') ?? '', status: 'requires_payment_method', client_secret: `${id}_secret_test`, metadata };
      intents.set(id, intent);
      return send(200, intent);
    }
    const intentMatch = /^\/v1\/payment_intents\/([\w]+)$/.exec(path);
    if (req.method === 'GET' && intentMatch) {
      const intent = intents.get(intentMatch[1]!);
      return intent ? send(200, intent) : send(404, { error: { type: 'invalid_request_error', code: 'resource_missing', message: 'No such payment_intent' } });
    }
    if (req.method === 'POST' && path === '/v1/refunds') {
      const intent = intents.get(form.get('payment_intent') ?? '');
      if (!intent || intent.status !== 'succeeded') return send(400, { error: { type: 'invalid_request_error', message: 'This PaymentIntent has not succeeded.' } });
      const refund = { id: `re_${randomUUID().replace(/-/g, '').slice(0, 24)}`, object: 'refund', payment_intent: intent.id, amount: Number(form.get('amount')), currency: intent.currency, status: 'succeeded' };
      refunds.push(refund);
      return send(200, refund);
    }
    send(404, { error: { type: 'invalid_request_error', message: `Unrecognized request URL (${req.method}: ${path}).` } });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    intents,
    refunds,
    calls,
    /** The buyer pays in the browser with Stripe.js: the intent succeeds for `amount` (its own by default). */
    succeed(id: string, amount?: number) {
      const intent = intents.get(id)!;
      intent.status = 'succeeded';
      intent.amount_received = amount ?? intent.amount;
      return intent;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
