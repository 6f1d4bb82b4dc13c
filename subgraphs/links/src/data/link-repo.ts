import { and, count, desc, eq, inArray, lt, or, sql } from 'drizzle-orm';
import type { Db } from '@mosaic/kit';
import { links, type LinkRow } from './tables';

/** A page of each owner's links, newest first; `after` is the (createdAt, id) of the last row seen. */
export interface LinkPageQuery {
  /** Rows per owner; one more is fetched to tell whether another page exists. */
  limit: number;
  after: { createdAt: string; id: string } | null;
}

export async function insertLink(db: Db, row: LinkRow): Promise<LinkRow> {
  const [inserted] = await db.insert(links).values(row).returning();
  return inserted!;
}

export function findLinksByIds(db: Db, ids: readonly string[]): Promise<LinkRow[]> {
  return db.select().from(links).where(inArray(links.id, [...ids]));
}

export async function countLinksOf(db: Db, ownerId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(links).where(eq(links.ownerId, ownerId));
  return row!.n;
}

/** One statement for every owner asked for: rank rows within each owner, keep each owner's first page. */
export async function findLinkPages(db: Db, ownerIds: readonly string[], query: LinkPageQuery): Promise<LinkRow[]> {
  const after = query.after;
  const ranked = db
    .select({
      id: links.id,
      ownerId: links.ownerId,
      name: links.name,
      createdAt: links.createdAt,
      rank: sql<number>`row_number() over (partition by ${links.ownerId} order by ${links.createdAt} desc, ${links.id} desc)`.as('rank'),
    })
    .from(links)
    .where(
      and(
        inArray(links.ownerId, [...ownerIds]),
        after ? or(lt(links.createdAt, new Date(after.createdAt)), and(eq(links.createdAt, new Date(after.createdAt)), lt(links.id, after.id))) : undefined,
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
