import { desc, eq, sql, and, or, isNull, lt } from 'drizzle-orm';
import type { Db } from '@mosaic/kit';
import { promotions, type PromotionRow } from './tables';

export async function insertPromotion(db: Db, row: PromotionRow): Promise<PromotionRow> {
  const [inserted] = await db.insert(promotions).values(row).returning();
  return inserted!;
}

export async function findPromotionByCode(db: Db, code: string): Promise<PromotionRow | null> {
  const [row] = await db.select().from(promotions).where(eq(promotions.code, code.toUpperCase()));
  return row ?? null;
}

export const listPromotions = (db: Db) => db.select().from(promotions).orderBy(desc(promotions.createdAt)).limit(200);

export async function setPromotionActive(db: Db, id: string, active: boolean): Promise<PromotionRow | null> {
  const [row] = await db.update(promotions).set({ active }).where(eq(promotions.id, id)).returning();
  return row ?? null;
}

/** Takes one use of the promotion unless its limit is reached: false when it is (concurrent checkouts cannot exceed it). */
export async function claimPromotionUse(tx: Db, id: string): Promise<boolean> {
  const claimed = await tx
    .update(promotions)
    .set({ usedCount: sql`${promotions.usedCount} + 1` })
    .where(and(eq(promotions.id, id), or(isNull(promotions.usageLimit), lt(promotions.usedCount, promotions.usageLimit))))
    .returning({ id: promotions.id });
  return claimed.length === 1;
}

/** A cancelled or fully refunded order gives its use back. */
export async function releasePromotionUse(tx: Db, id: string): Promise<void> {
  await tx.update(promotions).set({ usedCount: sql`greatest(${promotions.usedCount} - 1, 0)` }).where(eq(promotions.id, id));
}
