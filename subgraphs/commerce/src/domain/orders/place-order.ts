import { ConflictError, encodeId, UnavailableError, uuidv7, validate } from '@mosaic/kit';
import type { Context } from '../../context';
import { clearCart, findCartLines, lockCart } from '../../data/carts-repo';
import { findProductsByIds, lockVariants, reserveStock } from '../../data/catalog-repo';
import { insertOrder, insertPayment, setChargeReference, updateOrder } from '../../data/orders-repo';
import { claimPromotionUse, findPromotionByCode } from '../../data/promotions-repo';
import type { OrderRow } from '../../data/tables';
import type { PaymentSession } from '../../providers/payment-provider';
import { resolveCart } from '../checkout/carts';
import { priceLines } from '../checkout/checkout';
import { checkoutInput } from '../checkout/checkout-input';
import { snapshot } from './transitions';

export const chargeKey = (orderId: string) => `order-${orderId}-charge`;

/**
 * Turns the caller's cart into a PENDING order in one transaction: the variants are locked in id
 * order (concurrent checkouts of the same items queue instead of deadlocking), priced from the
 * locked rows, the promotion's use is claimed against its limit, every line's stock is reserved
 * (all or nothing; a check constraint refuses a reservation beyond the stock as a last line of
 * defence) and the cart is emptied. The payment is opened after the commit — no provider call
 * holds locks — with a key derived from the order, so `confirmPayment` can open it again.
 */
export async function placeOrder(ctx: Context, raw: unknown): Promise<{ order: OrderRow; payment: PaymentSession }> {
  const buyerId = ctx.auth.require('commerce:checkout').userId;
  const input = validate(checkoutInput, raw);
  const cart = (await resolveCart(ctx, input.cartToken, true))!.cart;
  const order = await ctx.db.transaction(async (tx) => {
    await lockCart(tx, cart.id);
    const cartLines = await findCartLines(tx, cart.id);
    const variants = await lockVariants(tx, cartLines.map((line) => line.variantId));
    const priced = await priceLines(ctx, tx, cartLines, variants, input);
    const promotion = priced.promotionCode ? await findPromotionByCode(tx, priced.promotionCode) : null;
    if (promotion && !(await claimPromotionUse(tx, promotion.id))) {
      throw new ConflictError('This promotion code has just been used up; remove it or try another.', { field: 'input.promotionCode' });
    }
    const reserved = await reserveStock(tx, priced.lines.map((line) => ({ variantId: line.variant.id, quantity: line.quantity })));
    if (reserved.length !== priced.lines.length) throw new ConflictError('Some items in your cart have just sold out; change the cart and try again.');
    // Read in the transaction: a checkout must not wait for a second pool connection while it holds locks.
    const productNames = new Map((await findProductsByIds(tx, priced.lines.map((l) => l.variant.productId))).map((p) => [p.id, p.name]));
    const now = ctx.now();
    const id = uuidv7(now.getTime());
    const row: OrderRow = {
      id,
      vendorId: null,
      buyerId,
      status: 'PENDING',
      currency: priced.currency,
      subtotalMinor: priced.subtotalMinor,
      discountMinor: priced.discountMinor,
      shippingMinor: priced.shippingMinor,
      taxMinor: priced.taxMinor,
      totalMinor: priced.totalMinor,
      refundedMinor: 0,
      promotionId: promotion?.id ?? null,
      promotionCode: promotion?.code ?? null,
      shippingMethod: input.shippingMethod,
      shippingAddress: input.shippingAddress,
      taxLabel: priced.taxLabel,
      paymentProvider: ctx.payments.name,
      paymentReference: null,
      stockSettled: false,
      placedAt: now,
      updatedAt: now,
    };
    const lines = priced.lines.map((line, position) => ({
      id: uuidv7(now.getTime()),
      orderId: id,
      vendorId: line.variant.vendorId,
      variantId: line.variant.id,
      productId: line.variant.productId,
      productName: productNames.get(line.variant.productId) ?? '',
      variantName: line.variant.name,
      sku: line.variant.sku,
      unitPriceMinor: line.variant.priceMinor,
      quantity: line.quantity,
      lineTotalMinor: line.lineTotalMinor,
      position,
    }));
    const inserted = await insertOrder(tx, row, lines, { id: uuidv7(now.getTime()), orderId: id, fromStatus: null, toStatus: 'PENDING', actorKind: 'BUYER', actorId: buyerId, amountMinor: null, note: null, at: now });
    await insertPayment(tx, { id: uuidv7(now.getTime()), orderId: id, kind: 'CHARGE', provider: ctx.payments.name, idempotencyKey: chargeKey(id), reference: null, amountMinor: row.totalMinor, currency: row.currency, status: 'pending', createdAt: now });
    await clearCart(tx, cart.id);
    await ctx.events.emitAll(tx, [
      { type: 'order.placed', payload: { ...snapshot(inserted), lines: lines.map((l) => ({ variantId: l.variantId, productId: l.productId, sku: l.sku, quantity: l.quantity, unitPriceMinor: l.unitPriceMinor })) } },
      { type: 'order.status-changed', payload: { ...snapshot(inserted), from: null } },
      ...priced.lines.flatMap((line) => {
        const before = line.variant.stockOnHand - line.variant.reserved;
        const after = before - line.quantity;
        const threshold = line.variant.lowStockThreshold;
        return before > threshold && after <= threshold
          ? [{ type: 'stock.low' as const, payload: { variantId: line.variant.id, productId: line.variant.productId, sku: line.variant.sku, available: after, threshold } }]
          : [];
      }),
    ]);
    return inserted;
  });
  return openPayment(ctx, order);
}

/** Opens (or, with the same idempotency key, re-opens) the order's payment with the provider and stores its reference. */
export async function openPayment(ctx: Context, order: OrderRow): Promise<{ order: OrderRow; payment: PaymentSession }> {
  let payment: PaymentSession;
  try {
    payment = await ctx.payments.createPayment({ orderId: order.id, amountMinor: order.totalMinor, currency: order.currency, idempotencyKey: chargeKey(order.id), description: `Mosaic order ${order.id}` });
  } catch (error) {
    ctx.log.warn({ err: error, orderId: order.id }, 'payment could not be opened');
    throw new UnavailableError('Your order is placed and its items are reserved, but the payment provider did not answer. Try confirmPayment for this order in a moment.', { orderId: encodeId('Order', order.id) });
  }
  if (order.paymentReference === payment.reference) return { order, payment };
  const updated = await updateOrder(ctx.db, order.id, { paymentReference: payment.reference });
  await setChargeReference(ctx.db, order.id, payment.reference);
  return { order: updated, payment };
}
