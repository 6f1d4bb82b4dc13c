import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeId, encodeId } from '@mosaic/kit';
import { errorCodes } from '@mosaic/testing';
import { orders, variants } from '../src/data/tables';
import { ADD, ADDRESS, buy, CART, PLACE, QUOTE, SET, startCommerce, type Commerce } from './harness';

let app: Commerce;
beforeAll(async () => {
  app = await startCommerce();
});
afterAll(() => app.close());

const PROMO = `mutation($input: CreatePromotionInput!) { createPromotion(input: $input) { id code usedCount } }`;
const stockOf = async (publicId: string) => (await app.database.db().select().from(variants).where(eq(variants.id, decodeId('ProductVariant', publicId))))[0]!;

describe('cart', () => {
  it('an anonymous cart (by token) merges into the user cart on first authenticated use', async () => {
    const { variants: [a, b] } = await app.product({ prices: [500, 700] });
    const first = (await app.ok(ADD, { input: { variantId: a!.id, quantity: 2 } })).addToCart;
    expect(first.cartToken).toMatch(/^[\w-]{43}$/);
    const again = (await app.ok(ADD, { input: { cartToken: first.cartToken, variantId: b!.id, quantity: 1 } })).addToCart;
    expect(again.cart).toMatchObject({ itemCount: 3, subtotal: { amount: 1700, currency: 'EUR' } });
    const user = await app.auth.newUser();
    await app.ok(ADD, { input: { variantId: a!.id, quantity: 1 } }, user.token);
    const merged = (await app.ok(CART, { token: first.cartToken }, user.token)).cart;
    expect(merged.lines.map((l: { quantity: number }) => l.quantity).sort()).toEqual([1, 3]);
    // The anonymous cart is gone: its token reaches nothing any more.
    expect(errorCodes(await app.call(CART, { token: first.cartToken }))).toEqual(['NOT_FOUND']);
    expect((await app.ok(CART, {}, user.token)).cart.itemCount).toBe(4);
  });

  it('refuses negative, zero, huge and out-of-stock quantities and unknown variants, changing nothing', async () => {
    const { variants: [v] } = await app.product({ stock: 3 });
    const user = await app.auth.newUser();
    await app.ok(ADD, { input: { variantId: v!.id, quantity: 1 } }, user.token);
    const field = async (input: Record<string, unknown>, query = ADD) => (await app.call(query, { input }, user.token)).errors?.[0]?.extensions;
    expect(await field({ variantId: v!.id, quantity: -1 })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.quantity' });
    expect(await field({ variantId: v!.id, quantity: 0 })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.quantity' });
    expect(await field({ variantId: v!.id, quantity: 1_000_000_000 })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.quantity' });
    expect(await field({ variantId: v!.id, quantity: 3 })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.quantity' });
    const unknownVariant = encodeId('ProductVariant', randomUUID());
    expect((await field({ variantId: unknownVariant, quantity: 1 }))?.code).toBe('BAD_USER_INPUT');
    expect((await app.ok(CART, {}, user.token)).cart.lines).toEqual([{ quantity: 1, variant: { sku: v!.sku } }]);
    expect((await app.ok(SET, { input: { variantId: v!.id, quantity: 0 } }, user.token)).setCartLineQuantity.cart.itemCount).toBe(0);
  });

  it('the schema accepts no price or total from the client', async () => {
    const { variants: [v] } = await app.product();
    const withPrice = await app.call(`mutation { addToCart(input: { variantId: "${v!.id}", quantity: 1, unitPrice: 1 }) { cartToken } }`);
    expect(errorCodes(withPrice)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    const user = await app.auth.newUser();
    const withTotal = await app.call(PLACE, { input: { shippingAddress: ADDRESS, shippingMethod: 'standard', total: 1 } }, user.token);
    expect(errorCodes(withTotal)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('checkout', () => {
  it('computes totals on the server: discount, free shipping threshold, inclusive and exclusive tax', async () => {
    const { variants: [v] } = await app.product({ prices: [2000] });
    const code = `TEN${app.unique()}`;
    await app.ok(PROMO, { input: { code, kind: 'PERCENTAGE', value: 1000, minSubtotalMinor: 3000 } }, app.staff.token);
    const user = await app.auth.newUser();
    await app.ok(ADD, { input: { variantId: v!.id, quantity: 3 } }, user.token);
    const de = (await app.ok(QUOTE, { input: { shippingAddress: ADDRESS, shippingMethod: 'standard', promotionCode: code.toLowerCase() } }, user.token)).checkoutQuote;
    // 6000 − 10 % = 5400 ≥ 5000: free shipping; 19 % VAT contained in 5400 → 862.
    expect(de).toMatchObject({ subtotal: { amount: 6000 }, discount: { amount: 600 }, shipping: { amount: 0 }, tax: { amount: 862 }, total: { amount: 5400 }, taxLabel: 'MwSt. 19 %' });
    const ca = (await app.ok(QUOTE, { input: { shippingAddress: { ...ADDRESS, country: 'US', region: 'CA' }, shippingMethod: 'express' } }, user.token)).checkoutQuote;
    // 6000 + 1495 express, 7.25 % on top: 543.
    expect(ca).toMatchObject({ subtotal: { amount: 6000 }, discount: { amount: 0 }, shipping: { amount: 1495 }, tax: { amount: 543 }, total: { amount: 8038 } });
    const small = await app.auth.newUser();
    await app.ok(ADD, { input: { variantId: v!.id, quantity: 1 } }, small.token);
    const below = await app.call(QUOTE, { input: { shippingAddress: ADDRESS, shippingMethod: 'standard', promotionCode: code } }, small.token);
    expect(below.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.promotionCode' });
    expect(errorCodes(await app.call(QUOTE, { input: { shippingAddress: ADDRESS, shippingMethod: 'teleport' } }, small.token))).toEqual(['BAD_USER_INPUT']);
  });

  it('a promotion past its usage limit or expiry is refused and nothing is reserved', async () => {
    const { variants: [v] } = await app.product({ prices: [1000], stock: 10 });
    const code = `ONCE${app.unique()}`;
    await app.ok(PROMO, { input: { code, kind: 'FIXED', value: 200, usageLimit: 1 } }, app.staff.token);
    const first = await buy(app, (await app.auth.newUser()).token, v!.id, 1, { promotionCode: code });
    expect(first.data!.placeOrder.order).toMatchObject({ discount: { amount: 200 }, promotionCode: code });
    const before = await stockOf(v!.id);
    const second = await buy(app, (await app.auth.newUser()).token, v!.id, 1, { promotionCode: code });
    expect(second.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.promotionCode' });
    expect(second.errors![0]!.message).toMatch(/used as often as it may be/);
    expect((await stockOf(v!.id)).reserved).toBe(before.reserved);
    const expired = `OLD${app.unique()}`;
    await app.ok(PROMO, { input: { code: expired, kind: 'FIXED', value: 100, startsAt: '2020-01-01T00:00:00.000Z', expiresAt: '2021-01-01T00:00:00.000Z' } }, app.staff.token);
    const late = await buy(app, (await app.auth.newUser()).token, v!.id, 1, { promotionCode: expired });
    expect(late.errors![0]!.message).toMatch(/expired/);
  });

  it('50 buyers race for the last 10 units: exactly 10 orders, no oversell', async () => {
    const { variants: [v] } = await app.product({ prices: [999], stock: 10 });
    const buyers = await Promise.all(Array.from({ length: 50 }, () => app.auth.newUser()));
    for (const buyer of buyers) await app.ok(ADD, { input: { variantId: v!.id, quantity: 1 } }, buyer.token);
    const results = await Promise.all(buyers.map((buyer) => app.call(PLACE, { input: { shippingAddress: ADDRESS, shippingMethod: 'standard' } }, buyer.token)));
    const placed = results.filter((r) => !r.errors);
    const refused = results.filter((r) => r.errors);
    expect(placed).toHaveLength(10);
    expect(refused.map((r) => r.errors![0]!.extensions!.code)).toEqual(Array(40).fill('CONFLICT'));
    const row = await stockOf(v!.id);
    expect({ onHand: row.stockOnHand, reserved: row.reserved }).toEqual({ onHand: 10, reserved: 10 });
    const buyerIds = new Set(buyers.map((b) => b.userId));
    const made = (await app.database.db().select().from(orders)).filter((o) => o.buyerId && buyerIds.has(o.buyerId));
    expect(made).toHaveLength(10);
  });

  it('one cart checked out twice at once makes one order', async () => {
    const { variants: [v] } = await app.product({ stock: 10 });
    const user = await app.auth.newUser();
    await app.ok(ADD, { input: { variantId: v!.id, quantity: 2 } }, user.token);
    const input = { input: { shippingAddress: ADDRESS, shippingMethod: 'standard' } };
    const results = await Promise.all([app.call(PLACE, input, user.token), app.call(PLACE, input, user.token)]);
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.flatMap((r) => r.errors ?? []).map((e) => e.extensions!.code)).toEqual(['BAD_USER_INPUT']);
    expect((await stockOf(v!.id)).reserved).toBe(2);
  });

  it('an empty cart cannot be checked out', async () => {
    const user = await app.auth.newUser();
    expect(errorCodes(await app.call(PLACE, { input: { shippingAddress: ADDRESS, shippingMethod: 'standard' } }, user.token))).toEqual(['BAD_USER_INPUT']);
  });
});
