import { and, count, desc, eq, inArray, lt, or, sql } from 'drizzle-orm';
import type { Db } from '@mosaic/kit';
import { savedLocations, type SavedLocationRow } from './tables';

/** A page of each owner's savedLocations, newest first; `after` is the (createdAt, id) of the last row seen. */
export interface SavedLocationPageQuery {
  /** Rows per owner; one more is fetched to tell whether another page exists. */
  limit: number;
  after: { createdAt: string; id: string } | null;
}

export async function insertSavedLocation(db: Db, row: SavedLocationRow): Promise<SavedLocationRow> {
  const [inserted] = await db.insert(savedLocations).values(row).returning();
  return inserted!;
}

export function findSavedLocationsByIds(db: Db, ids: readonly string[]): Promise<SavedLocationRow[]> {
  return db.select().from(savedLocations).where(inArray(savedLocations.id, [...ids]));
}

export async function countSavedLocationsOf(db: Db, ownerId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(savedLocations).where(eq(savedLocations.ownerId, ownerId));
  return row!.n;
}

/** One statement for every owner asked for: rank rows within each owner, keep each owner's first page. */
export async function findSavedLocationPages(db: Db, ownerIds: readonly string[], query: SavedLocationPageQuery): Promise<SavedLocationRow[]> {
  const after = query.after;
  const ranked = db
    .select({
      id: savedLocations.id,
      ownerId: savedLocations.ownerId,
      name: savedLocations.name,
      createdAt: savedLocations.createdAt,
      rank: sql<number>`row_number() over (partition by ${savedLocations.ownerId} order by ${savedLocations.createdAt} desc, ${savedLocations.id} desc)`.as('rank'),
    })
    .from(savedLocations)
    .where(
      and(
        inArray(savedLocations.ownerId, [...ownerIds]),
        after ? or(lt(savedLocations.createdAt, new Date(after.createdAt)), and(eq(savedLocations.createdAt, new Date(after.createdAt)), lt(savedLocations.id, after.id))) : undefined,
      ),
    )
    .as('ranked');
  const rows = await db
    .select({ id: ranked.id, ownerId: ranked.ownerId, name: ranked.name, createdAt: ranked.createdAt })
    .from(ranked)
    .where(sql`${ranked.rank} <= ${query.limit + 1}`)
    .orderBy(desc(ranked.createdAt), desc(ranked.id));
  return rows;
}
