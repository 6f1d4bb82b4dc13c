import { and, eq, ne, sql } from 'drizzle-orm';
import type { Db } from '@mosaic/kit';
import { billingEvents, organizations, subscriptions, type SubscriptionRow } from './tables';

export async function findSubscription(db: Db, organizationId: string): Promise<SubscriptionRow | undefined> {
  const [row] = await db.select().from(subscriptions).where(eq(subscriptions.organizationId, organizationId));
  return row;
}

export async function findSubscriptionByCustomer(db: Db, provider: string, customerId: string): Promise<SubscriptionRow | undefined> {
  const [row] = await db
    .select()
    .from(subscriptions)
    .where(and(eq(subscriptions.provider, provider), eq(subscriptions.customerId, customerId)))
    .for('update');
  return row;
}

export async function upsertSubscription(db: Db, row: SubscriptionRow): Promise<SubscriptionRow> {
  const { organizationId: _key, ...changes } = row;
  const [saved] = await db.insert(subscriptions).values(row).onConflictDoUpdate({ target: subscriptions.organizationId, set: changes }).returning();
  return saved!;
}

/** Puts `plan` in force; true when it was not already. */
export async function setPlanInForce(db: Db, organizationId: string, plan: string): Promise<boolean> {
  const changed = await db.update(organizations).set({ plan }).where(and(eq(organizations.id, organizationId), ne(organizations.plan, plan))).returning({ id: organizations.id });
  return changed.length > 0;
}

/** Records a webhook event; false when it was recorded before (a redelivery: apply nothing). */
export async function recordBillingEvent(db: Db, event: { provider: string; eventId: string; type: string; organizationId: string; appliedAt: Date }): Promise<boolean> {
  const rows = await db.insert(billingEvents).values(event).onConflictDoNothing().returning({ id: sql`1` });
  return rows.length === 1;
}
