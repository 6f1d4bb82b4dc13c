import { and, asc, count, eq, gt, inArray, ne } from 'drizzle-orm';
import type { Db } from '@mosaic/kit';
import { savedLocations, type NewSavedLocation, type SavedLocationRow } from './tables';

export async function insertSavedLocation(db: Db, row: NewSavedLocation): Promise<SavedLocationRow> {
  const [inserted] = await db.insert(savedLocations).values(row).returning();
  return inserted!;
}

export function findSavedLocationsByIds(db: Db, ids: readonly string[]): Promise<SavedLocationRow[]> {
  return db.select().from(savedLocations).where(inArray(savedLocations.id, [...ids]));
}

/** Every owner's locations, oldest first, in one statement. */
export function findSavedLocationsOf(db: Db, ownerIds: readonly string[]): Promise<SavedLocationRow[]> {
  return db
    .select()
    .from(savedLocations)
    .where(inArray(savedLocations.ownerId, [...ownerIds]))
    .orderBy(asc(savedLocations.createdAt), asc(savedLocations.id));
}

export async function countSavedLocationsOf(db: Db, ownerId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(savedLocations).where(eq(savedLocations.ownerId, ownerId));
  return row!.n;
}

export async function updateSavedLocationRow(db: Db, id: string, ownerId: string, changes: Partial<NewSavedLocation>): Promise<SavedLocationRow | null> {
  const [row] = await db
    .update(savedLocations)
    .set(changes)
    .where(and(eq(savedLocations.id, id), eq(savedLocations.ownerId, ownerId)))
    .returning();
  return row ?? null;
}

export async function deleteSavedLocationRow(db: Db, id: string, ownerId: string): Promise<boolean> {
  const rows = await db
    .delete(savedLocations)
    .where(and(eq(savedLocations.id, id), eq(savedLocations.ownerId, ownerId)))
    .returning({ id: savedLocations.id });
  return rows.length > 0;
}

export function findSavedLocationsAt(db: Db, gridKey: string): Promise<SavedLocationRow[]> {
  return db.select().from(savedLocations).where(eq(savedLocations.gridKey, gridKey));
}

/** One page of the distinct points saved locations watch, for the periodic refresh. */
export async function findWatchedPoints(db: Db, after: string | null, limit: number): Promise<{ gridKey: string; latitude: number; longitude: number }[]> {
  return db
    .selectDistinctOn([savedLocations.gridKey], { gridKey: savedLocations.gridKey, latitude: savedLocations.latitude, longitude: savedLocations.longitude })
    .from(savedLocations)
    .where(after === null ? undefined : gt(savedLocations.gridKey, after))
    .orderBy(asc(savedLocations.gridKey))
    .limit(limit);
}

/**
 * Records newly evaluated warnings — only when they differ from the last recorded ones, so among
 * replicas evaluating the same refresh exactly one sees the row change (and announces it).
 */
export async function recordWarnings(db: Db, id: string, digest: string, evaluatedAt: Date): Promise<SavedLocationRow | null> {
  const [row] = await db
    .update(savedLocations)
    .set({ warningsDigest: digest, warningsEvaluatedAt: evaluatedAt })
    .where(and(eq(savedLocations.id, id), ne(savedLocations.warningsDigest, digest)))
    .returning();
  return row ?? null;
}
