import { and, count, desc, eq, inArray, lt, or, sql } from 'drizzle-orm';
import type { Db } from '@mosaic/kit';
import { organizations, type OrganizationRow } from './tables';

/** A page of each owner's organizations, newest first; `after` is the (createdAt, id) of the last row seen. */
export interface OrganizationPageQuery {
  /** Rows per owner; one more is fetched to tell whether another page exists. */
  limit: number;
  after: { createdAt: string; id: string } | null;
}

export async function insertOrganization(db: Db, row: OrganizationRow): Promise<OrganizationRow> {
  const [inserted] = await db.insert(organizations).values(row).returning();
  return inserted!;
}

export function findOrganizationsByIds(db: Db, ids: readonly string[]): Promise<OrganizationRow[]> {
  return db.select().from(organizations).where(inArray(organizations.id, [...ids]));
}

/** Every row of one owner (their account was deleted); returns how many went. */
export async function deleteOrganizationsOf(db: Db, ownerId: string): Promise<number> {
  return (await db.delete(organizations).where(eq(organizations.ownerId, ownerId)).returning({ id: organizations.id })).length;
}

export async function countOrganizationsOf(db: Db, ownerId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(organizations).where(eq(organizations.ownerId, ownerId));
  return row!.n;
}

/** One statement for every owner asked for: rank rows within each owner, keep each owner's first page. */
export async function findOrganizationPages(db: Db, ownerIds: readonly string[], query: OrganizationPageQuery): Promise<OrganizationRow[]> {
  const after = query.after;
  const ranked = db
    .select({
      id: organizations.id,
      ownerId: organizations.ownerId,
      name: organizations.name,
      createdAt: organizations.createdAt,
      rank: sql<number>`row_number() over (partition by ${organizations.ownerId} order by ${organizations.createdAt} desc, ${organizations.id} desc)`.as('rank'),
    })
    .from(organizations)
    .where(
      and(
        inArray(organizations.ownerId, [...ownerIds]),
        after ? or(lt(organizations.createdAt, new Date(after.createdAt)), and(eq(organizations.createdAt, new Date(after.createdAt)), lt(organizations.id, after.id))) : undefined,
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
