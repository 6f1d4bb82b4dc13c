import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '@mosaic/kit';
import { priceAlerts, priceAlertTriggers, type PriceAlertRow, type PriceAlertTriggerRow } from './tables';

export type NewPriceAlert = typeof priceAlerts.$inferInsert;

const owned = (id: string, ownerId: string) => and(eq(priceAlerts.id, id), eq(priceAlerts.ownerId, ownerId));

export async function insertAlert(db: Db, alert: NewPriceAlert): Promise<PriceAlertRow> {
  const [row] = await db.insert(priceAlerts).values(alert).returning();
  return row!;
}

export async function countAlertsOf(db: Db, ownerId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(priceAlerts).where(eq(priceAlerts.ownerId, ownerId));
  return row?.n ?? 0;
}

export async function findAlertsByIds(db: Db, ids: readonly string[]): Promise<PriceAlertRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(priceAlerts).where(inArray(priceAlerts.id, [...ids]));
}

/** Every alert of these owners, oldest first (one statement for `_entities` with many users). */
export async function findAlertsOfOwners(db: Db, ownerIds: readonly string[]): Promise<PriceAlertRow[]> {
  if (ownerIds.length === 0) return [];
  return db
    .select()
    .from(priceAlerts)
    .where(inArray(priceAlerts.ownerId, [...ownerIds]))
    .orderBy(asc(priceAlerts.ownerId), asc(priceAlerts.createdAt), asc(priceAlerts.id));
}

export async function findArmedAlerts(db: Db, symbol?: string): Promise<PriceAlertRow[]> {
  return db
    .select()
    .from(priceAlerts)
    .where(and(eq(priceAlerts.status, 'ARMED'), symbol === undefined ? undefined : eq(priceAlerts.symbol, symbol)));
}

export async function deleteOwnedAlert(db: Db, id: string, ownerId: string): Promise<PriceAlertRow | undefined> {
  const [row] = await db.delete(priceAlerts).where(owned(id, ownerId)).returning();
  return row;
}

/**
 * Arms a triggered alert again as a new generation (so it may fire once more). An alert that is
 * armed already is returned unchanged.
 */
export async function rearmOwnedAlert(db: Db, id: string, ownerId: string, now: Date): Promise<PriceAlertRow | undefined> {
  const [row] = await db
    .update(priceAlerts)
    .set({
      status: 'ARMED',
      generation: sql`case when ${priceAlerts.status} = 'TRIGGERED' then ${priceAlerts.generation} + 1 else ${priceAlerts.generation} end`,
      armedAt: sql`case when ${priceAlerts.status} = 'TRIGGERED' then ${now.toISOString()}::timestamptz else ${priceAlerts.armedAt} end`,
      triggeredAt: null,
      updatedAt: sql`case when ${priceAlerts.status} = 'TRIGGERED' then ${now.toISOString()}::timestamptz else ${priceAlerts.updatedAt} end`,
    })
    .where(owned(id, ownerId))
    .returning();
  return row;
}

export interface FireAlert {
  alertId: string;
  generation: number;
  price: number;
  referencePrice: number | null;
  at: Date;
  triggerId: string;
  now: Date;
}

/**
 * The one place an alert fires: a compare-and-set from ARMED at this generation to TRIGGERED,
 * and the history row, in one transaction. Concurrent callers (two ticks in flight, two
 * replicas) serialise on the row lock; all but the first find the alert no longer ARMED and get
 * null. The unique (alert_id, generation) index would refuse a second history row regardless.
 */
export async function fireAlert(db: Db, fire: FireAlert): Promise<{ alert: PriceAlertRow; trigger: PriceAlertTriggerRow } | null> {
  return db.transaction(async (tx) => {
    const [alert] = await tx
      .update(priceAlerts)
      .set({ status: 'TRIGGERED', triggeredAt: fire.at, updatedAt: fire.now })
      .where(and(eq(priceAlerts.id, fire.alertId), eq(priceAlerts.status, 'ARMED'), eq(priceAlerts.generation, fire.generation)))
      .returning();
    if (!alert) return null;
    const [trigger] = await tx
      .insert(priceAlertTriggers)
      .values({
        id: fire.triggerId,
        alertId: alert.id,
        ownerId: alert.ownerId,
        symbol: alert.symbol,
        generation: alert.generation,
        condition: alert.condition,
        threshold: alert.price,
        moveBps: alert.moveBps,
        windowSeconds: alert.windowSeconds,
        price: fire.price,
        referencePrice: fire.referencePrice,
        triggeredAt: fire.at,
      })
      .returning();
    return { alert, trigger: trigger! };
  });
}

/** A page of firings per owner, newest first, for many owners in one statement. */
export async function findTriggerPages(
  db: Db,
  ownerIds: readonly string[],
  page: { limit: number; after: { triggeredAt: string; id: string } | null },
): Promise<PriceAlertTriggerRow[]> {
  if (ownerIds.length === 0) return [];
  const list = sql.join(ownerIds.map((id) => sql`${id}`), sql`, `);
  const owners = sql`unnest(array[${list}]::uuid[]) with ordinality as owners(id, ord)`;
  const t = priceAlertTriggers;
  const order = [sql`${t.triggeredAt} desc`, sql`${t.id} desc`];
  const inner = db
    .select({
      id: t.id,
      alertId: t.alertId,
      ownerId: t.ownerId,
      symbol: t.symbol,
      generation: t.generation,
      condition: t.condition,
      threshold: t.threshold,
      moveBps: t.moveBps,
      windowSeconds: t.windowSeconds,
      price: t.price,
      referencePrice: t.referencePrice,
      triggeredAt: t.triggeredAt,
      position: sql<number>`row_number() over (order by ${sql.join(order, sql`, `)})`.as('position'),
    })
    .from(t)
    .where(
      and(
        sql`${t.ownerId} = owners.id`,
        page.after ? sql`(${t.triggeredAt}, ${t.id}) < (${page.after.triggeredAt}::timestamptz, ${page.after.id}::uuid)` : undefined,
      ),
    )
    .orderBy(...order)
    .limit(page.limit + 1)
    .as('page');
  const rows = await db
    .select({
      id: inner.id,
      alertId: inner.alertId,
      ownerId: inner.ownerId,
      symbol: inner.symbol,
      generation: inner.generation,
      condition: inner.condition,
      threshold: inner.threshold,
      moveBps: inner.moveBps,
      windowSeconds: inner.windowSeconds,
      price: inner.price,
      referencePrice: inner.referencePrice,
      triggeredAt: inner.triggeredAt,
    } satisfies Record<keyof PriceAlertTriggerRow, unknown>)
    .from(owners)
    .crossJoinLateral(inner)
    .orderBy(sql`owners.ord`, inner.position);
  return rows;
}
