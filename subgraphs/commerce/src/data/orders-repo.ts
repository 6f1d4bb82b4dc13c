import { and, asc, desc, eq, inArray, lt, or, sql } from 'drizzle-orm';
import type { Db } from '@mosaic/kit';
import { orderLines, orders, orderTransitions, payments, webhookEvents, type OrderLineRow, type OrderRow, type OrderStatus, type OrderTransitionRow, type PaymentRow } from './tables';

/** A page of each buyer's orders (or of all orders), newest first; `after` is the (placedAt, id) of the last row seen. */
export interface OrderPageQuery {
  limit: number;
  after: { placedAt: string; id: string } | null;
}

const afterCondition = (after: OrderPageQuery['after']) =>
  after ? or(lt(orders.placedAt, new Date(after.placedAt)), and(eq(orders.placedAt, new Date(after.placedAt)), lt(orders.id, after.id))) : undefined;

export async function insertOrder(tx: Db, order: OrderRow, lines: OrderLineRow[], transition: OrderTransitionRow): Promise<OrderRow> {
  const [inserted] = await tx.insert(orders).values(order).returning();
  await tx.insert(orderLines).values(lines);
  await tx.insert(orderTransitions).values(transition);
  return inserted!;
}

export const findOrdersByIds = (db: Db, ids: readonly string[]) => db.select().from(orders).where(inArray(orders.id, [...ids]));

export const findLinesOfOrders = (db: Db, orderIds: readonly string[]) =>
  db.select().from(orderLines).where(inArray(orderLines.orderId, [...orderIds])).orderBy(asc(orderLines.position));

export const findTransitionsOfOrders = (db: Db, orderIds: readonly string[]) =>
  db.select().from(orderTransitions).where(inArray(orderTransitions.orderId, [...orderIds])).orderBy(asc(orderTransitions.at), asc(orderTransitions.id));

/** The order, locked until the transaction ends: transitions of one order are serialised. */
export async function lockOrder(tx: Db, id: string): Promise<OrderRow | null> {
  const [row] = await tx.select().from(orders).where(eq(orders.id, id)).for('update');
  return row ?? null;
}

export async function lockOrderByPayment(tx: Db, provider: string, reference: string): Promise<OrderRow | null> {
  const [row] = await tx.select().from(orders).where(and(eq(orders.paymentProvider, provider), eq(orders.paymentReference, reference))).for('update');
  return row ?? null;
}

export async function updateOrder(tx: Db, id: string, changes: Partial<OrderRow>): Promise<OrderRow> {
  const [row] = await tx.update(orders).set(changes).where(eq(orders.id, id)).returning();
  return row!;
}

export async function insertTransition(tx: Db, row: OrderTransitionRow): Promise<void> {
  await tx.insert(orderTransitions).values(row);
}

/** One statement for every buyer asked for: rank each buyer's orders, keep each one's page. */
export async function findOrderPages(db: Db, buyerIds: readonly string[], query: OrderPageQuery): Promise<OrderRow[]> {
  const ranked = db
    .select({ id: orders.id, rank: sql<number>`row_number() over (partition by ${orders.buyerId} order by ${orders.placedAt} desc, ${orders.id} desc)`.as('rank') })
    .from(orders)
    .where(and(inArray(orders.buyerId, [...buyerIds]), afterCondition(query.after)))
    .as('ranked');
  const rows = await db
    .select({ order: orders })
    .from(orders)
    .innerJoin(ranked, eq(ranked.id, orders.id))
    .where(sql`${ranked.rank} <= ${query.limit + 1}`)
    .orderBy(desc(orders.placedAt), desc(orders.id));
  return rows.map((row) => row.order);
}

export async function findAllOrders(db: Db, status: OrderStatus | null, query: OrderPageQuery): Promise<OrderRow[]> {
  return db
    .select()
    .from(orders)
    .where(and(status ? eq(orders.status, status) : undefined, afterCondition(query.after)))
    .orderBy(desc(orders.placedAt), desc(orders.id))
    .limit(query.limit + 1);
}

export async function insertPayment(tx: Db, row: PaymentRow): Promise<PaymentRow> {
  const [inserted] = await tx.insert(payments).values(row).returning();
  return inserted!;
}

export async function updatePayment(db: Db, id: string, changes: Partial<PaymentRow>): Promise<void> {
  await db.update(payments).set(changes).where(eq(payments.id, id));
}

export const findPaymentsOfOrder = (db: Db, orderId: string) => db.select().from(payments).where(eq(payments.orderId, orderId)).orderBy(asc(payments.createdAt));

/** Records a webhook event; false when this provider's event id was recorded before (a replay). */
export async function recordWebhookEvent(tx: Db, provider: string, eventId: string, type: string, at: Date): Promise<boolean> {
  const inserted = await tx.insert(webhookEvents).values({ provider, eventId, type, receivedAt: at }).onConflictDoNothing().returning({ eventId: webhookEvents.eventId });
  return inserted.length === 1;
}

/** account.deleted: the orders stay (financial records) without who bought them or where they went. */
export async function anonymiseBuyer(tx: Db, buyerId: string): Promise<number> {
  const changed = await tx.update(orders).set({ buyerId: null, shippingAddress: null }).where(eq(orders.buyerId, buyerId)).returning({ id: orders.id });
  await tx.update(orderTransitions).set({ actorId: null }).where(eq(orderTransitions.actorId, buyerId));
  return changed.length;
}

export async function setChargeReference(db: Db, orderId: string, reference: string): Promise<void> {
  await db.update(payments).set({ reference }).where(and(eq(payments.orderId, orderId), eq(payments.kind, 'CHARGE')));
}
