import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grantRole } from '@mosaic/accounts';
import { decodeId, drizzleOver } from '@mosaic/kit';
import { collect, errorCodes, wsClient } from '@mosaic/testing';
import { startTestGraph, type TestGraph } from '@mosaic/platform/testing';
import { orders } from '../src/data/tables';

/**
 * Through the gateway, as the "done when" says: a customer browses, fills an anonymous
 * cart, signs up (the cart merges), checks out with the offline provider and sees the paid order
 * on `me`; staff refund it and the buyer's subscription shows it; role violations are refused.
 */
let graph: TestGraph;
let staffToken: string;
beforeAll(async () => {
  graph = await startTestGraph();
  await graph.signUp('commerce-staff@example.com');
  await grantRole(drizzleOver(graph.client), 'commerce-staff@example.com', 'staff');
  staffToken = (await graph.call(`mutation { login(input: { email: "commerce-staff@example.com", password: "velvet-otter-lantern" }) { accessToken } }`)).data!.login.accessToken;
});
afterAll(() => graph.close());

const ok = async (query: string, variables: Record<string, unknown> = {}, token?: string) => {
  const result = await graph.call(query, variables, token);
  expect(result.errors).toBeUndefined();
  return result.data!;
};
const ADDRESS = { name: 'Grace Hopper', line1: 'Hauptstraße 5', postalCode: '80331', city: 'München', country: 'DE' };

describe('commerce through the gateway', () => {
  it('browse, anonymous cart, sign up, check out, pay, see it on me; staff refund it and the buyer sees it live', async () => {
    const created = await ok(
      `mutation($input: CreateProductInput!) { createProduct(input: $input) { id variants { id } } }`,
      { input: { name: 'Gateway Teapot', description: 'Cast iron teapot, 1 litre.', variants: [{ sku: 'E2E-TEAPOT', name: '1 l', priceMinor: 3900, stock: 3 }] } },
      staffToken,
    );
    const variantId = created.createProduct.variants[0].id;
    const browsed = await ok(`{ products(search: "teapot") { edges { node { name priceRange { min { amount currency } } variants { id available } } } } }`);
    expect(browsed.products.edges[0].node).toMatchObject({ name: 'Gateway Teapot', priceRange: { min: { amount: 3900, currency: 'EUR' } } });
    const cart = await ok(`mutation($input: CartLineInput!) { addToCart(input: $input) { cartToken cart { itemCount } } }`, { input: { variantId, quantity: 2 } });
    const { token } = await graph.signUp('commerce-buyer@example.com');
    const placed = await ok(
      `mutation($input: CheckoutInput!) { placeOrder(input: $input) { order { id status total { amount } } payment { provider } } }`,
      { input: { cartToken: cart.addToCart.cartToken, shippingAddress: ADDRESS, shippingMethod: 'standard' } },
      token,
    );
    expect(placed.placeOrder).toMatchObject({ order: { status: 'PENDING', total: { amount: 7800 } }, payment: { provider: 'offline' } });
    const orderId = placed.placeOrder.order.id;
    expect((await ok(`mutation($id: ID!) { confirmPayment(orderId: $id) { status } }`, { id: orderId }, token)).confirmPayment.status).toBe('PAID');
    const me = await ok(`{ me { orders { edges { node { id status buyer { email } lines { productName quantity } } } } } }`, {}, token);
    expect(me.me.orders.edges).toEqual([{ node: { id: orderId, status: 'PAID', buyer: { email: 'commerce-buyer@example.com' }, lines: [{ productName: 'Gateway Teapot', quantity: 2 }] } }]);

    // Role violations: the buyer cannot refund or manage the catalog.
    const refund = `mutation($id: ID!, $amount: Int) { refundOrder(orderId: $id, amountMinor: $amount) { status refunded { amount } } }`;
    expect(errorCodes(await graph.call(refund, { id: orderId }, token))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await graph.call(`mutation($id: ID!) { adjustStock(variantId: $id, delta: 5) { available } }`, { id: variantId }, token))).toEqual(['FORBIDDEN']);

    const client = wsClient(graph.gatewayUrl.replace('http', 'ws'), token);
    try {
      const live = collect(client, `subscription($id: ID) { orderUpdated(orderId: $id) { status refunded { amount } buyer { email } } }`, { id: orderId });
      // Partial refunds of one cent until the stream (gateway → commerce → outbox relay) delivers one: then it is live.
      await expect
        .poll(async () => {
          await ok(refund, { id: orderId, amount: 1 }, staffToken);
          return live.results.length;
        }, { timeout: 15_000, interval: 200 })
        .toBeGreaterThan(0);
      expect(live.results[0]!.data!.orderUpdated).toMatchObject({ status: 'PAID', buyer: { email: 'commerce-buyer@example.com' } });
      expect((await ok(refund, { id: orderId }, staffToken)).refundOrder).toEqual({ status: 'REFUNDED', refunded: { amount: 7800 } });
      await expect.poll(() => live.results.at(-1)?.data?.orderUpdated.status, { timeout: 10_000 }).toBe('REFUNDED');
      live.stop();
    } finally {
      await client.dispose();
    }
  });

  it('webhooks are served at the public path on the gateway; the offline provider refuses them', async () => {
    const response = await fetch(new URL('/commerce/webhooks/offline', graph.gatewayUrl), { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    expect(response.status).toBe(400);
  });

  it("anonymises a deleted account's orders instead of deleting them (account.deleted from accounts)", async () => {
    const { variants } = (await ok(
      `mutation($input: CreateProductInput!) { createProduct(input: $input) { variants { id } } }`,
      { input: { name: 'Leaving Gift', variants: [{ sku: 'E2E-GIFT', name: 'One', priceMinor: 500, stock: 5 }] } },
      staffToken,
    )).createProduct;
    const { token } = await graph.signUp('commerce-leaving@example.com');
    await ok(`mutation($input: CartLineInput!) { addToCart(input: $input) { cart { itemCount } } }`, { input: { variantId: variants[0].id, quantity: 1 } }, token);
    const placed = await ok(`mutation($input: CheckoutInput!) { placeOrder(input: $input) { order { id } } }`, { input: { shippingAddress: ADDRESS, shippingMethod: 'standard' } }, token);
    const deleted = await graph.call(`mutation { deleteAccount(input: { password: "velvet-otter-lantern" }) { userId } }`, {}, token);
    expect(deleted.errors).toBeUndefined();
    const row = async () => (await graph.database.db().select().from(orders).where(eq(orders.id, decodeId('Order', placed.placeOrder.order.id))))[0]!;
    await expect.poll(async () => (await row()).buyerId, { timeout: 10_000 }).toBeNull();
    expect((await row()).shippingAddress).toBeNull();
    // The financial record stays whole: 500 + 495 standard shipping.
    expect((await row()).totalMinor).toBe(995);
  });
});
