import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes } from '@mosaic/testing';
import { fromDecimal, toDecimal } from '../src/providers/paypal/money';
import { buy, ORDER, startCommerce, type Commerce } from './harness';
import { startFakePayPal } from './fake-paypal';

let paypal: Awaited<ReturnType<typeof startFakePayPal>>;
let app: Commerce;
beforeAll(async () => {
  paypal = await startFakePayPal('client-id', 'client-secret', 'WH-ID-1');
  app = await startCommerce({ COMMERCE_PAYMENT_PROVIDER: 'paypal', PAYPAL_CLIENT_ID: 'client-id', PAYPAL_CLIENT_SECRET: 'client-secret', PAYPAL_WEBHOOK_ID: 'WH-ID-1', PAYPAL_API_URL: paypal.url });
});
afterAll(async () => {
  await app.close();
  await paypal.close();
});

const CONFIRM = `mutation($id: ID!) { confirmPayment(orderId: $id) { status } }`;
const statusOf = async (orderId: string) => (await app.ok(ORDER, { id: orderId }, app.staff.token)).order.status as string;
const capturedEvent = (paypalOrderId: string, value: string, id = `WH-${app.unique()}`) => ({
  id,
  event_version: '1.0',
  create_time: new Date().toISOString(),
  resource_type: 'capture',
  event_type: 'PAYMENT.CAPTURE.COMPLETED',
  resource: { id: 'CAPTURE1', status: 'COMPLETED', amount: { currency_code: 'EUR', value }, supplementary_data: { related_ids: { order_id: paypalOrderId } } },
});
const deliver = (event: unknown, headers: Record<string, string>) =>
  fetch(`${app.served.origin}/commerce/webhooks/paypal`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(event) });

async function placed() {
  const { variants: [v] } = await app.product({ prices: [1999], stock: 5 });
  const buyer = await app.auth.newUser();
  const result = await buy(app, buyer.token, v!.id, 1);
  expect(result.errors).toBeUndefined();
  return { buyer, ...result.data!.placeOrder };
}

describe('PayPal payments (Orders v2)', () => {
  it('amounts convert exactly between minor units and PayPal decimals', () => {
    expect(toDecimal(5400, 'EUR')).toBe('54.00');
    expect(toDecimal(5, 'EUR')).toBe('0.05');
    expect(toDecimal(500, 'JPY')).toBe('500');
    expect(fromDecimal('54.00', 'EUR')).toBe(5400);
    expect(fromDecimal('0.5', 'EUR')).toBe(50);
    expect(() => fromDecimal('1.005', 'EUR')).toThrow();
  });

  it('opens a PayPal order with the approval link; capture after approval marks it PAID; refunds reach the capture', async () => {
    const { buyer, order, payment } = await placed();
    expect(payment.approvalUrl).toContain(payment.reference);
    expect(paypal.orders.get(payment.reference)!.amount).toEqual({ currency_code: 'EUR', value: toDecimal(order.total.amount, 'EUR') });
    expect(paypal.calls.find((c) => c.path === '/v2/checkout/orders')!.requestId).toMatch(/^order-.+-charge$/);
    expect(errorCodes(await app.call(CONFIRM, { id: order.id }, buyer.token))).toEqual(['CONFLICT']);
    paypal.approve(payment.reference);
    expect((await app.ok(CONFIRM, { id: order.id }, buyer.token)).confirmPayment.status).toBe('PAID');
    const refund = `mutation($id: ID!) { refundOrder(orderId: $id, amountMinor: 500) { status refunded { amount } } }`;
    expect((await app.ok(refund, { id: order.id }, app.staff.token)).refundOrder).toEqual({ status: 'PAID', refunded: { amount: 500 } });
    expect(paypal.refunds.at(-1)!.value).toBe('5.00');
    expect(paypal.calls.filter((c) => c.path.endsWith('/refund')).every((c) => c.requestId?.startsWith('order-'))).toBe(true);
  });

  it('a verified PAYMENT.CAPTURE.COMPLETED webhook pays the order once; forged or altered ones are refused', async () => {
    const { order, payment } = await placed();
    const event = capturedEvent(payment.reference, toDecimal(order.total.amount, 'EUR'));
    const forged = await deliver(event, { 'paypal-auth-algo': 'SHA256withRSA', 'paypal-cert-url': 'https://evil.test/cert', 'paypal-transmission-id': 'x', 'paypal-transmission-sig': 'forged', 'paypal-transmission-time': new Date().toISOString() });
    expect(forged.status).toBe(400);
    const headers = paypal.transmit(event);
    const altered = await deliver({ ...event, resource: { ...event.resource, amount: { currency_code: 'EUR', value: '0.01' } } }, headers);
    expect(altered.status).toBe(400);
    expect(await statusOf(order.id)).toBe('PENDING');
    expect(await (await deliver(event, headers)).json()).toMatchObject({ outcome: 'applied' });
    expect(await statusOf(order.id)).toBe('PAID');
    expect(await (await deliver(event, headers)).json()).toMatchObject({ outcome: 'duplicate' });
  });
});
