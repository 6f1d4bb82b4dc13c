import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeId, eventTables } from '@mosaic/kit';
import { collect, errorCodes, testLogger, wsClient } from '@mosaic/testing';
import { expirePendingOrders } from '../src/domain/orders/expire-pending';
import { commerceEvents } from '../src/events';
import { variants } from '../src/data/tables';
import { buy, ORDER, startCommerce, type Commerce } from './harness';

let app: Commerce;
beforeAll(async () => {
  app = await startCommerce();
});
afterAll(() => app.close());

const CONFIRM = `mutation($id: ID!) { confirmPayment(orderId: $id) { id status } }`;
const FULFIL = `mutation($id: ID!) { fulfilOrder(orderId: $id, note: "DHL 123") { status } }`;
const DELIVER = `mutation($id: ID!) { markOrderDelivered(orderId: $id) { status } }`;
const CANCEL = `mutation($id: ID!) { cancelOrder(orderId: $id, reason: "changed my mind") { status } }`;
const REFUND = `mutation($id: ID!, $amount: Int) { refundOrder(orderId: $id, amountMinor: $amount, reason: "damaged") { status refunded { amount } total { amount } } }`;
const ORDERS_OF = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on User { orders(first: 5) { edges { node { id status lines { sku quantity variant { sku } } history { to actor { id } } } } } } } }`;

const stock = async (publicId: string) => {
  const [row] = await app.database.db().select().from(variants).where(eq(variants.id, decodeId('ProductVariant', publicId)));
  return { onHand: row!.stockOnHand, reserved: row!.reserved };
};

async function paidOrder(quantity = 2, price = 1000) {
  const { variants: [v] } = await app.product({ prices: [price], stock: 10 });
  const buyer = await app.auth.newUser();
  const placed = await buy(app, buyer.token, v!.id, quantity);
  const orderId = placed.data!.placeOrder.order.id as string;
  expect((await app.ok(CONFIRM, { id: orderId }, buyer.token)).confirmPayment.status).toBe('PAID');
  return { buyer, orderId, variantId: v!.id, total: placed.data!.placeOrder.order.total.amount as number };
}

describe('orders', () => {
  it('pay with the offline provider; the buyer and staff see it, nobody else does', async () => {
    const { buyer, orderId } = await paidOrder();
    const order = (await app.ok(ORDER, { id: orderId }, buyer.token)).order;
    expect(order.history.map((h: { from: string | null; to: string; actorKind: string }) => [h.from, h.to, h.actorKind])).toEqual([
      [null, 'PENDING', 'BUYER'],
      ['PENDING', 'PAID', 'PROVIDER'],
    ]);
    expect(order.buyer.id).toBe(buyer.publicId);
    const stranger = await app.auth.newUser();
    expect((await app.ok(ORDER, { id: orderId }, stranger.token)).order).toBeNull();
    expect((await app.ok(ORDER, { id: orderId }, app.staff.token)).order.id).toBe(orderId);
    expect(errorCodes(await app.call(ORDERS_OF, { reps: [{ __typename: 'User', id: buyer.publicId }] }, stranger.token))).toEqual(['FORBIDDEN']);
    // Paying again changes nothing.
    expect((await app.ok(CONFIRM, { id: orderId }, buyer.token)).confirmPayment.status).toBe('PAID');
    expect((await app.ok(ORDER, { id: orderId }, buyer.token)).order.history).toHaveLength(2);
  });

  it('fulfil takes the stock out, deliver, partial then full refund; illegal moves are refused', async () => {
    const { buyer, orderId, variantId, total } = await paidOrder(2, 1000);
    expect(await stock(variantId)).toEqual({ onHand: 10, reserved: 2 });
    expect(errorCodes(await app.call(DELIVER, { id: orderId }, app.staff.token))).toEqual(['CONFLICT']);
    expect(errorCodes(await app.call(CANCEL, { id: orderId }, buyer.token))).toEqual(['CONFLICT']);
    expect(errorCodes(await app.call(FULFIL, { id: orderId }, buyer.token))).toEqual(['FORBIDDEN']);
    expect((await app.ok(FULFIL, { id: orderId }, app.staff.token)).fulfilOrder.status).toBe('FULFILLED');
    expect(await stock(variantId)).toEqual({ onHand: 8, reserved: 0 });
    expect((await app.ok(DELIVER, { id: orderId }, app.staff.token)).markOrderDelivered.status).toBe('DELIVERED');
    const partial = (await app.ok(REFUND, { id: orderId, amount: 300 }, app.staff.token)).refundOrder;
    expect(partial).toMatchObject({ status: 'DELIVERED', refunded: { amount: 300 } });
    const tooMuch = await app.call(REFUND, { id: orderId, amount: total }, app.staff.token);
    expect(tooMuch.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'amountMinor' });
    const rest = (await app.ok(REFUND, { id: orderId }, app.staff.token)).refundOrder;
    expect(rest).toMatchObject({ status: 'REFUNDED', refunded: { amount: total } });
    expect(errorCodes(await app.call(REFUND, { id: orderId, amount: 1 }, app.staff.token))).toEqual(['CONFLICT']);
    const history = (await app.ok(ORDER, { id: orderId }, buyer.token)).order.history;
    expect(history.slice(2).map((h: { to: string; actorKind: string; actor: { id: string } | null; amount: { amount: number } | null }) => [h.to, h.actorKind, h.actor?.id, h.amount?.amount ?? null])).toEqual([
      ['FULFILLED', 'STAFF', app.staff.publicId, null],
      ['DELIVERED', 'STAFF', app.staff.publicId, null],
      ['DELIVERED', 'STAFF', app.staff.publicId, 300],
      ['REFUNDED', 'STAFF', app.staff.publicId, total - 300],
    ]);
    const outbox = eventTables('commerce').outbox;
    const types = (await app.database.db().select({ type: outbox.type }).from(outbox).where(eq(outbox.aggregateId, decodeId('Order', orderId)))).map((r) => r.type);
    expect(types.filter((t) => t !== 'order.status-changed')).toEqual(['order.placed', 'order.paid', 'order.refunded', 'order.refunded']);
  });

  it('cancelling a pending order releases its stock; a refund before shipping does too', async () => {
    const { variants: [v] } = await app.product({ stock: 5 });
    const buyer = await app.auth.newUser();
    const orderId = (await buy(app, buyer.token, v!.id, 3)).data!.placeOrder.order.id;
    expect(await stock(v!.id)).toEqual({ onHand: 5, reserved: 3 });
    expect((await app.ok(CANCEL, { id: orderId }, buyer.token)).cancelOrder.status).toBe('CANCELLED');
    expect(await stock(v!.id)).toEqual({ onHand: 5, reserved: 0 });
    expect(errorCodes(await app.call(CONFIRM, { id: orderId }, buyer.token))).toEqual([]);
    const paid = await paidOrder(1);
    expect((await app.ok(REFUND, { id: paid.orderId }, app.staff.token)).refundOrder.status).toBe('REFUNDED');
    expect(await stock(paid.variantId)).toEqual({ onHand: 10, reserved: 0 });
  });

  it('User.orders with lines, variants and history: 2 buyers and 8 buyers cost the same statements', async () => {
    const buyers: { publicId: string }[] = [];
    for (let i = 0; i < 8; i++) buyers.push((await paidOrder(1)).buyer);
    const admin = await app.auth.newUser(['user', 'admin']);
    const statementsFor = async (count: number) => {
      app.counter.reset();
      const result = await app.call(ORDERS_OF, { reps: buyers.slice(0, count).map((b) => ({ __typename: 'User', id: b.publicId })) }, admin.token);
      expect(result.errors).toBeUndefined();
      expect(result.data!._entities).toHaveLength(count);
      return app.counter.count;
    };
    expect(await statementsFor(8)).toBe(await statementsFor(2));
  });

  it('stock.low is emitted once when an order takes availability to the threshold or below', async () => {
    const { variants: [v] } = await app.product({ stock: 7, lowStockThreshold: 5 });
    const variantId = decodeId('ProductVariant', v!.id);
    const outbox = eventTables('commerce').outbox;
    const lows = async () => (await app.database.db().select().from(outbox).where(eq(outbox.aggregateId, variantId))).map((row) => row.payload);
    await buy(app, (await app.auth.newUser()).token, v!.id, 1);
    expect(await lows()).toEqual([]);
    await buy(app, (await app.auth.newUser()).token, v!.id, 2);
    await buy(app, (await app.auth.newUser()).token, v!.id, 1);
    expect(await lows()).toEqual([{ variantId, productId: expect.any(String), sku: v!.sku, available: 4, threshold: 5 }]);
  });

  it('the buyer sees status changes on orderUpdated; another user does not', async () => {
    const { buyer, orderId } = await paidOrder(1);
    const client = wsClient(app.served.url.replace('http', 'ws'), buyer.token);
    const other = wsClient(app.served.url.replace('http', 'ws'), (await app.auth.newUser()).token);
    try {
      const mine = collect(client, `subscription($id: ID) { orderUpdated(orderId: $id) { id status } }`, { id: orderId });
      const theirs = collect(other, `subscription { orderUpdated { id status } }`);
      const denied = collect(other, `subscription($id: ID) { orderUpdated(orderId: $id) { id } }`, { id: orderId });
      expect((await denied.waitFor(1))[0]!.errors![0]!.extensions!.code).toBe('NOT_FOUND');
      await expect.poll(() => app.listening(), { timeout: 5_000 }).toBe(2);
      // Live events are relayed after their commit, so the payment's PAID may still arrive after subscribing.
      const statuses = () => mine.results.map((r) => r.data?.orderUpdated).filter((u) => u?.status !== 'PAID');
      await app.ok(FULFIL, { id: orderId }, app.staff.token);
      await expect.poll(statuses, { timeout: 5_000 }).toEqual([{ id: orderId, status: 'FULFILLED' }]);
      await app.ok(DELIVER, { id: orderId }, app.staff.token);
      await expect.poll(statuses, { timeout: 5_000 }).toEqual([
        { id: orderId, status: 'FULFILLED' },
        { id: orderId, status: 'DELIVERED' },
      ]);
      expect(theirs.results).toEqual([]);
      mine.stop();
      theirs.stop();
    } finally {
      await client.dispose();
      await other.dispose();
    }
  });

  // Last in this file: it cancels every order still PENDING.
  it('the unpaid-order sweep cancels only PENDING orders past the TTL', async () => {
    const paid = await paidOrder(1);
    const { variants: [v] } = await app.product({ stock: 2 });
    const pendingId = (await buy(app, (await app.auth.newUser()).token, v!.id, 1)).data!.placeOrder.order.id;
    const deps = { db: app.database.db(), events: app.served.events.outbox(commerceEvents), log: testLogger };
    expect(await expirePendingOrders({ ...deps, now: () => new Date() }, 86_400)).toBe(0);
    expect(await expirePendingOrders({ ...deps, now: () => new Date(Date.now() + 2 * 86_400_000) }, 86_400)).toBeGreaterThan(0);
    expect((await app.ok(ORDER, { id: pendingId }, app.staff.token)).order.status).toBe('CANCELLED');
    expect((await app.ok(ORDER, { id: paid.orderId }, app.staff.token)).order.status).toBe('PAID');
    expect(await stock(v!.id)).toEqual({ onHand: 2, reserved: 0 });
  });
});
