import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Stripe from 'stripe';
import { errorCodes } from '@mosaic/testing';
import { buy, ORDER, startCommerce, type Commerce } from './harness';
import { startFakeStripe } from './fake-stripe';

const SECRET = 'sk_test_mosaic';
const WEBHOOK_SECRET = 'whsec_mosaic_test';
let stripeServer: Awaited<ReturnType<typeof startFakeStripe>>;
let app: Commerce;
beforeAll(async () => {
  stripeServer = await startFakeStripe(SECRET);
  app = await startCommerce({ COMMERCE_PAYMENT_PROVIDER: 'stripe', STRIPE_SECRET_KEY: SECRET, STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET, STRIPE_API_URL: stripeServer.url });
});
afterAll(async () => {
  await app.close();
  await stripeServer.close();
});

const signer = new Stripe('sk_test_signer');
const eventFor = (intent: { id: string; amount_received: number; currency: string }, id = `evt_${app.unique()}`) =>
  JSON.stringify({ id, object: 'event', type: 'payment_intent.succeeded', api_version: '2025-01-01', created: Math.floor(Date.now() / 1000), data: { object: { ...intent, object: 'payment_intent' } } });
const post = (body: string, signature: string | null) =>
  fetch(`${app.served.origin}/commerce/webhooks/stripe`, { method: 'POST', headers: { 'content-type': 'application/json', ...(signature ? { 'stripe-signature': signature } : {}) }, body });
const signed = (body: string, secret = WEBHOOK_SECRET) => post(body, signer.webhooks.generateTestHeaderString({ payload: body, secret }));

async function placed() {
  const { variants: [v] } = await app.product({ prices: [2500], stock: 5 });
  const buyer = await app.auth.newUser();
  const result = await buy(app, buyer.token, v!.id, 2);
  expect(result.errors).toBeUndefined();
  return { buyer, ...result.data!.placeOrder };
}
const statusOf = async (orderId: string) => (await app.ok(ORDER, { id: orderId }, app.staff.token)).order.status as string;

describe('Stripe payments', () => {
  it('placeOrder opens a PaymentIntent for the server total with an idempotency key; the client gets its secret', async () => {
    const { order, payment } = await placed();
    expect(payment).toMatchObject({ provider: 'stripe', clientSecret: `${payment.reference}_secret_test` });
    const intent = stripeServer.intents.get(payment.reference)!;
    expect({ amount: intent.amount, currency: intent.currency }).toEqual({ amount: order.total.amount, currency: 'eur' });
    expect(stripeServer.calls.find((c) => c.path === '/v1/payment_intents' && c.method === 'POST')!.idempotencyKey).toMatch(/^order-.+-charge$/);
  });

  it('a signed payment_intent.succeeded webhook marks the order PAID once; a replay changes nothing', async () => {
    const { order, payment } = await placed();
    const body = eventFor(stripeServer.succeed(payment.reference));
    const first = await signed(body);
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ outcome: 'applied' });
    expect(await statusOf(order.id)).toBe('PAID');
    const replay = await signed(body);
    expect(await replay.json()).toMatchObject({ outcome: 'duplicate' });
    const history = (await app.ok(ORDER, { id: order.id }, app.staff.token)).order.history;
    expect(history.map((h: { to: string }) => h.to)).toEqual(['PENDING', 'PAID']);
  });

  it('a forged, unsigned or stale webhook is refused with 400 and changes nothing', async () => {
    const { order, payment } = await placed();
    const body = eventFor(stripeServer.succeed(payment.reference));
    expect((await signed(body, 'whsec_someone_else')).status).toBe(400);
    expect((await post(body, null)).status).toBe(400);
    const stale = signer.webhooks.generateTestHeaderString({ payload: body, secret: WEBHOOK_SECRET, timestamp: Math.floor(Date.now() / 1000) - 3600 });
    expect((await post(body, stale)).status).toBe(400);
    const tampered = body.replace(`"amount_received":${order.total.amount}`, '"amount_received":1');
    expect((await post(tampered, signer.webhooks.generateTestHeaderString({ payload: body, secret: WEBHOOK_SECRET }))).status).toBe(400);
    expect(await statusOf(order.id)).toBe('PENDING');
    expect((await fetch(`${app.served.origin}/commerce/webhooks/paypal`, { method: 'POST', body })).status).toBe(404);
    expect((await fetch(`${app.served.origin}/commerce/webhooks/stripe`)).status).toBe(405);
  });

  it('an authentic webhook for the wrong amount is not applied', async () => {
    const { order, payment } = await placed();
    const body = eventFor(stripeServer.succeed(payment.reference, order.total.amount - 1));
    expect(await (await signed(body)).json()).toMatchObject({ outcome: 'mismatch' });
    expect(await statusOf(order.id)).toBe('PENDING');
  });

  it('confirmPayment reads the intent: pending until paid, then PAID; refunds go to Stripe with their own keys', async () => {
    const { buyer, order, payment } = await placed();
    const confirm = `mutation($id: ID!) { confirmPayment(orderId: $id) { status } }`;
    const early = await app.call(confirm, { id: order.id }, buyer.token);
    expect(errorCodes(early)).toEqual(['CONFLICT']);
    stripeServer.succeed(payment.reference);
    expect((await app.ok(confirm, { id: order.id }, buyer.token)).confirmPayment.status).toBe('PAID');
    const refund = `mutation($id: ID!, $amount: Int) { refundOrder(orderId: $id, amountMinor: $amount) { status refunded { amount } } }`;
    expect((await app.ok(refund, { id: order.id, amount: 1000 }, app.staff.token)).refundOrder).toEqual({ status: 'PAID', refunded: { amount: 1000 } });
    expect((await app.ok(refund, { id: order.id }, app.staff.token)).refundOrder.status).toBe('REFUNDED');
    const refunds = stripeServer.refunds.filter((r) => r.payment_intent === payment.reference);
    expect(refunds.map((r) => r.amount)).toEqual([1000, order.total.amount - 1000]);
    const keys = stripeServer.calls.filter((c) => c.path === '/v1/refunds').map((c) => c.idempotencyKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.every((k) => k && k.startsWith('order-'))).toBe(true);
  });
});
