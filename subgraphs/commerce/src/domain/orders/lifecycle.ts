import { ConflictError, NotFoundError, UnavailableError, UserInputError, uuidv7 } from '@mosaic/kit';
import { and, eq } from 'drizzle-orm';
import type { Context } from '../../context';
import { insertPayment, lockOrder, updatePayment } from '../../data/orders-repo';
import { payments, type OrderRow, type OrderStatus } from '../../data/tables';
import { ORDERS_MANAGE } from '../access';
import { findOrderFor } from './queries';
import { REFUNDABLE } from './state-machine';
import { moveOrder, snapshot, type Actor } from './transitions';

const note = (text: string | null | undefined) => {
  const trimmed = text?.trim() || null;
  if (trimmed && trimmed.length > 500) throw new UserInputError('The note must be at most 500 characters.', 'reason');
  return trimmed;
};

async function withLockedOrder(ctx: Context, orderId: string, change: (order: OrderRow, tx: Context['db']) => Promise<OrderRow>): Promise<OrderRow> {
  const updated = await ctx.db.transaction(async (tx) => {
    const order = await lockOrder(tx, orderId);
    if (!order) throw new NotFoundError('Order');
    return change(order, tx);
  });
  ctx.loaders.orderById.clear(orderId).prime(orderId, updated);
  ctx.loaders.transitionsOfOrder.clear(orderId);
  return updated;
}

const staffActor = (ctx: Context): Actor => ({ kind: 'STAFF', userId: ctx.auth.userId() });

/** The buyer (or staff) cancels a PENDING order: its stock and promotion use are released. */
export async function cancelOrder(ctx: Context, orderId: string, reason: string | null | undefined): Promise<OrderRow> {
  const viewer = ctx.auth.signedIn();
  if (!(await findOrderFor(ctx, orderId))) throw new NotFoundError('Order');
  const text = note(reason);
  return withLockedOrder(ctx, orderId, async (order, tx) => {
    const actor: Actor = order.buyerId === viewer.userId ? { kind: 'BUYER', userId: viewer.userId } : staffActor(ctx);
    const updated = await moveOrder(ctx, tx, order, 'CANCELLED', actor, { note: text });
    await ctx.events.emit(tx, 'order.cancelled', { ...snapshot(updated), reason: text });
    return updated;
  });
}

async function staffMove(ctx: Context, orderId: string, to: OrderStatus, text: string | null): Promise<OrderRow> {
  ctx.auth.require(ORDERS_MANAGE);
  return withLockedOrder(ctx, orderId, (order, tx) => moveOrder(ctx, tx, order, to, staffActor(ctx), { note: text }));
}

export const fulfilOrder = (ctx: Context, orderId: string, text: string | null | undefined) => staffMove(ctx, orderId, 'FULFILLED', note(text));
export const markDelivered = (ctx: Context, orderId: string) => staffMove(ctx, orderId, 'DELIVERED', null);

/**
 * Staff refund, in three steps so no provider call holds a lock: (1) with the order locked, the
 * amount is checked against what is left (refunds still in flight count) and a REFUND payment is
 * recorded with its idempotency key; (2) the provider refunds with that key; (3) with the order
 * locked again, the refund is applied: REFUNDED once nothing is left, otherwise the status stays
 * and the history records the partial amount.
 */
export async function refundOrder(ctx: Context, orderId: string, amountMinor: number | null | undefined, reason: string | null | undefined): Promise<OrderRow> {
  ctx.auth.require(ORDERS_MANAGE);
  const text = note(reason);
  const { order, payment } = await ctx.db.transaction(async (tx) => {
    const locked = await lockOrder(tx, orderId);
    if (!locked) throw new NotFoundError('Order');
    if (!REFUNDABLE.includes(locked.status)) throw new ConflictError(`An order that is ${locked.status} cannot be refunded (only a PAID, FULFILLED or DELIVERED one).`, { status: locked.status });
    const inFlight = (await tx.select().from(payments).where(and(eq(payments.orderId, orderId), eq(payments.kind, 'REFUND'), eq(payments.status, 'pending')))).reduce((sum, p) => sum + p.amountMinor, 0);
    const left = locked.totalMinor - locked.refundedMinor - inFlight;
    const amount = amountMinor ?? left;
    if (!Number.isInteger(amount) || amount < 1 || amount > left) throw new UserInputError(`amountMinor must be between 1 and ${left}, what is left to refund.`, 'amountMinor');
    const now = ctx.now();
    const id = uuidv7(now.getTime());
    const row = await insertPayment(tx, { id, orderId, kind: 'REFUND', provider: locked.paymentProvider, idempotencyKey: `order-${orderId}-refund-${id}`, reference: null, amountMinor: amount, currency: locked.currency, status: 'pending', createdAt: now });
    return { order: locked, payment: row };
  });
  let result: Awaited<ReturnType<Context['payments']['refund']>>;
  try {
    result = await ctx.payments.refund({ reference: order.paymentReference ?? '', amountMinor: payment.amountMinor, currency: payment.currency, idempotencyKey: payment.idempotencyKey });
  } catch (error) {
    ctx.log.warn({ err: error, orderId }, 'refund failed at the provider');
    await updatePayment(ctx.db, payment.id, { status: 'failed' });
    throw new UnavailableError('The payment provider did not refund; nothing was refunded. Try again in a moment.');
  }
  if (result.status === 'failed') {
    await updatePayment(ctx.db, payment.id, { status: 'failed', reference: result.reference });
    throw new ConflictError('The payment provider declined the refund; nothing was refunded.');
  }
  return withLockedOrder(ctx, orderId, async (locked, tx) => {
    await updatePayment(tx, payment.id, { status: 'succeeded', reference: result.reference });
    const refundedMinor = locked.refundedMinor + payment.amountMinor;
    const full = refundedMinor >= locked.totalMinor;
    const updated = await moveOrder(ctx, tx, locked, full ? 'REFUNDED' : locked.status, staffActor(ctx), { note: text, amountMinor: payment.amountMinor, changes: { refundedMinor } });
    await ctx.events.emit(tx, 'order.refunded', { ...snapshot(updated), amountMinor: payment.amountMinor, refundedMinor, full });
    return updated;
  });
}
