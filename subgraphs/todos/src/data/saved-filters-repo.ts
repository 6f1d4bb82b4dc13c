import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '@mosaic/kit';
import { savedFilters, type SavedFilterRow } from './tables';

export async function insertSavedFilter(db: Db, filter: SavedFilterRow): Promise<SavedFilterRow> {
  const [row] = await db.insert(savedFilters).values(filter).returning();
  return row!;
}

export async function findSavedFiltersOf(db: Db, ownerId: string): Promise<SavedFilterRow[]> {
  return db.select().from(savedFilters).where(eq(savedFilters.ownerId, ownerId)).orderBy(asc(savedFilters.createdAt), asc(savedFilters.id));
}

export async function findOwnSavedFilter(db: Db, ownerId: string, id: string): Promise<SavedFilterRow | undefined> {
  const [row] = await db
    .select()
    .from(savedFilters)
    .where(and(eq(savedFilters.id, id), eq(savedFilters.ownerId, ownerId)));
  return row;
}

export async function deleteOwnSavedFilter(db: Db, ownerId: string, id: string): Promise<boolean> {
  const rows = await db
    .delete(savedFilters)
    .where(and(eq(savedFilters.id, id), eq(savedFilters.ownerId, ownerId)))
    .returning({ id: savedFilters.id });
  return rows.length === 1;
}

export async function deleteSavedFiltersOf(db: Db, ownerId: string): Promise<void> {
  await db.delete(savedFilters).where(eq(savedFilters.ownerId, ownerId));
}
