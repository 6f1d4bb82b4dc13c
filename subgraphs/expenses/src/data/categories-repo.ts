import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '@mosaic/kit';
import { categories, type CategoryRow } from './tables';

export async function insertCategory(db: Db, row: CategoryRow): Promise<CategoryRow> {
  const [inserted] = await db.insert(categories).values(row).returning();
  return inserted!;
}

export async function updateCategoryRow(db: Db, id: string, changes: Partial<Pick<CategoryRow, 'name' | 'parentId'>>): Promise<CategoryRow | null> {
  const [updated] = await db.update(categories).set(changes).where(eq(categories.id, id)).returning();
  return updated ?? null;
}

export async function deleteCategoryRow(db: Db, id: string): Promise<void> {
  await db.delete(categories).where(eq(categories.id, id));
}

/** Every category of the owners asked for, by name: a user's tree is small and always read whole. */
export function findCategoriesOfOwners(db: Db, ownerIds: readonly string[]): Promise<CategoryRow[]> {
  return db.select().from(categories).where(inArray(categories.ownerId, [...ownerIds])).orderBy(asc(categories.name), asc(categories.id));
}

export async function findOwnCategory(db: Db, ownerId: string, id: string): Promise<CategoryRow | null> {
  const [row] = await db.select().from(categories).where(and(eq(categories.id, id), eq(categories.ownerId, ownerId)));
  return row ?? null;
}
