import { ConflictError, NotFoundError, UnavailableError, uuidv7, type Db } from '@mosaic/kit';
import type { Context } from '../../context';
import { lockOrder, lockOrderByPayment, recordWebhookEvent } from '../../data/orders-repo';
import type { OrderRow } from '../../data/tables';
import type { PaymentState, WebhookEvent } from '../../providers/payment-provider';
import { findOrderFor } from './queries';
import { openPayment } from './place-order';
import { moveOrder, snapshot, type Actor } from './transitions';

type PaymentContext = Pick<Context, 'events' | 'now' | 'log'>;

export class PaymentMismatchError extends ConflictError {}

/**
 * A payment the provider reports as succeeded, applied to the locked order once: a PAID (or later)
 * order is left as it is; the amount and currency must be exactly the order's, or nothing changes.
 */
export async function applyPaymentSucceeded(ctx: PaymentContext, tx: Db, order: OrderRow, paid: Pick<PaymentState, 'amountMinor' | 'currency'>, actor: Actor): Promise<OrderRow> {
  if (order.status !== 'PENDING') {
    if (order.status === 'CANCELLED') ctx.log.warn({ orderId: order.id }, 'payment succeeded for a cancelled order: refund it with the provider');
    return order;
  }
  if (paid.amountMinor !== order.totalMinor || paid.currency !== order.currency) {
    ctx.log.warn({ orderId: order.id, paid, expected: { amountMinor: order.totalMinor, currency: order.currency } }, 'payment amount does not match the order');
    throw new PaymentMismatchError(`The payment (${paid.amountMinor} ${paid.currency}) does not match the order's total (${order.totalMinor} ${order.currency}); the order stays unpaid.`);
  }
  const updated = await moveOrder(ctx, tx, order, 'PAID', actor);
  await ctx.events.emit(tx, 'order.paid', { ...snapshot(updated), paymentProvider: updated.paymentProvider, paymentReference: updated.paymentReference ?? '' });
  return updated;
}

/** `confirmPayment`: the buyer (or staff) asks the provider where the order's payment stands and applies the answer. */
export async function confirmPayment(ctx: Context, orderId: string): Promise<OrderRow> {
  ctx.auth.require('commerce:checkout');
  let order = await findOrderFor(ctx, orderId);
  if (!order) throw new NotFoundError('Order');
  if (order.status !== 'PENDING') return order;
  if (!order.paymentReference) order = (await openPayment(ctx, order)).order;
  let state: PaymentState;
  try {
    // A key per attempt: a provider keeps the first answer per key, and "not approved yet" must not stick.
    // An order is captured at most once by the provider itself (PayPal: ORDER_ALREADY_CAPTURED).
    state = await ctx.payments.confirmPayment({ reference: order.paymentReference!, idempotencyKey: `order-${order.id}-capture-${uuidv7()}` });
  } catch (error) {
    ctx.log.warn({ err: error, orderId }, 'payment status could not be read');
    throw new UnavailableError('The payment provider did not answer; try again in a moment.');
  }
  if (state.status === 'failed') throw new ConflictError('The payment was declined; pay again with another method.');
  if (state.status === 'pending') throw new ConflictError('The payment has not gone through yet; finish it with the provider, then confirm again.', { pending: true });
  const updated = await ctx.db.transaction(async (tx) => {
    const locked = await lockOrder(tx, orderId);
    return applyPaymentSucceeded(ctx, tx, locked!, state, { kind: 'PROVIDER', userId: null });
  });
  ctx.loaders.orderById.clear(orderId).prime(orderId, updated);
  return updated;
}

export type WebhookOutcome = 'applied' | 'duplicate' | 'ignored' | 'mismatch';

/**
 * A verified webhook, applied once: the event id is recorded in the same transaction as its
 * effect, so a replay (or a concurrent redelivery) finds it and changes nothing.
 */
export async function applyWebhook(ctx: Pick<Context, 'db' | 'events' | 'now' | 'log'>, provider: string, event: WebhookEvent): Promise<WebhookOutcome> {
  try {
    return await ctx.db.transaction(async (tx) => {
      if (!(await recordWebhookEvent(tx, provider, event.id, event.type, ctx.now()))) return 'duplicate';
      const order = await lockOrderByPayment(tx, provider, event.reference);
      if (!order || event.type !== 'payment.succeeded') return 'ignored';
      await applyPaymentSucceeded(ctx, tx, order, event, { kind: 'PROVIDER', userId: null });
      return 'applied';
    });
  } catch (error) {
    if (error instanceof PaymentMismatchError) {
      // Recorded as seen (a replay must not retry it), and nothing else changes.
      await ctx.db.transaction((tx) => recordWebhookEvent(tx, provider, event.id, event.type, ctx.now()));
      return 'mismatch';
    }
    throw error;
  }
}
