import { uuidv7, type Db } from '@mosaic/kit';
import type { Context } from '../../context';
import { settleReservations } from '../../data/catalog-repo';
import { findLinesOfOrders, insertTransition, updateOrder } from '../../data/orders-repo';
import { releasePromotionUse } from '../../data/promotions-repo';
import type { ActorKind, OrderRow, OrderStatus } from '../../data/tables';
import { assertTransition } from './state-machine';

export interface Actor {
  kind: ActorKind;
  userId: string | null;
}

export const snapshot = (order: OrderRow) => ({ orderId: order.id, buyerId: order.buyerId, status: order.status, currency: order.currency, totalMinor: order.totalMinor });

/**
 * Moves a locked order to `to` in the caller's transaction: checks the move, records it with its
 * actor, settles reserved stock where the move decides it (fulfilment ships it; cancellation or a
 * refund before shipping gives it back), and emits `order.status-changed` for the buyer's stream.
 */
export async function moveOrder(
  ctx: Pick<Context, 'events' | 'now'>,
  tx: Db,
  order: OrderRow,
  to: OrderStatus,
  actor: Actor,
  extra: { note?: string | null; amountMinor?: number | null; changes?: Partial<OrderRow> } = {},
): Promise<OrderRow> {
  if (to !== order.status) assertTransition(order.status, to);
  const now = ctx.now();
  const changes: Partial<OrderRow> = { ...extra.changes, status: to, updatedAt: now };
  const settles = !order.stockSettled && (to === 'FULFILLED' || to === 'CANCELLED' || to === 'REFUNDED');
  if (settles) {
    const lines = await findLinesOfOrders(tx, [order.id]);
    await settleReservations(tx, lines, to === 'FULFILLED');
    changes.stockSettled = true;
  }
  if (order.promotionId && (to === 'CANCELLED' || (to === 'REFUNDED' && order.status === 'PAID'))) await releasePromotionUse(tx, order.promotionId);
  const updated = await updateOrder(tx, order.id, changes);
  await insertTransition(tx, {
    id: uuidv7(now.getTime()),
    orderId: order.id,
    fromStatus: order.status,
    toStatus: to,
    actorKind: actor.kind,
    actorId: actor.userId,
    amountMinor: extra.amountMinor ?? null,
    note: extra.note ?? null,
    at: now,
  });
  await ctx.events.emit(tx, 'order.status-changed', { ...snapshot(updated), from: order.status });
  return updated;
}
