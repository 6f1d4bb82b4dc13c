import { desc, eq, gt, lt, sql } from 'drizzle-orm';
import type { Db } from '@mosaic/kit';
import { models, trainingLease } from './tables';

export async function latestModelVersion(db: Db): Promise<number> {
  const [row] = await db.select({ version: sql<number>`coalesce(max(${models.version}), 0)` }).from(models);
  return Number(row!.version);
}

export async function loadModelNewerThan(db: Db, version: number) {
  const [row] = await db.select().from(models).where(gt(models.version, version)).orderBy(desc(models.version)).limit(1);
  return row ?? null;
}

export async function insertModel(db: Db, row: typeof models.$inferInsert): Promise<void> {
  await db.insert(models).values(row);
  await db.delete(models).where(lt(models.version, row.version - 2));
}

/** Takes the training lease when it is free or expired; false while another replica holds it. */
export async function claimTrainingLease(db: Db, holder: string, now: Date, until: Date): Promise<boolean> {
  const rows = await db
    .insert(trainingLease)
    .values({ id: 1, holder, until })
    .onConflictDoUpdate({ target: trainingLease.id, set: { holder, until }, setWhere: lt(trainingLease.until, now) })
    .returning({ holder: trainingLease.holder });
  return rows.length === 1;
}

export async function releaseTrainingLease(db: Db, holder: string, now: Date): Promise<void> {
  await db.update(trainingLease).set({ until: now }).where(eq(trainingLease.holder, holder));
}
