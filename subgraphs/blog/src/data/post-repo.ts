import { and, count, desc, eq, inArray, lt, or, sql } from 'drizzle-orm';
import type { Db } from '@mosaic/kit';
import { posts, type PostRow } from './tables';

/** A page of each owner's posts, newest first; `after` is the (createdAt, id) of the last row seen. */
export interface PostPageQuery {
  /** Rows per owner; one more is fetched to tell whether another page exists. */
  limit: number;
  after: { createdAt: string; id: string } | null;
}

export async function insertPost(db: Db, row: PostRow): Promise<PostRow> {
  const [inserted] = await db.insert(posts).values(row).returning();
  return inserted!;
}

export function findPostsByIds(db: Db, ids: readonly string[]): Promise<PostRow[]> {
  return db.select().from(posts).where(inArray(posts.id, [...ids]));
}

/** Every row of one owner (their account was deleted); returns how many went. */
export async function deletePostsOf(db: Db, ownerId: string): Promise<number> {
  return (await db.delete(posts).where(eq(posts.ownerId, ownerId)).returning({ id: posts.id })).length;
}

export async function countPostsOf(db: Db, ownerId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(posts).where(eq(posts.ownerId, ownerId));
  return row!.n;
}

/** One statement for every owner asked for: rank rows within each owner, keep each owner's first page. */
export async function findPostPages(db: Db, ownerIds: readonly string[], query: PostPageQuery): Promise<PostRow[]> {
  const after = query.after;
  const ranked = db
    .select({
      id: posts.id,
      ownerId: posts.ownerId,
      name: posts.name,
      createdAt: posts.createdAt,
      rank: sql<number>`row_number() over (partition by ${posts.ownerId} order by ${posts.createdAt} desc, ${posts.id} desc)`.as('rank'),
    })
    .from(posts)
    .where(
      and(
        inArray(posts.ownerId, [...ownerIds]),
        after ? or(lt(posts.createdAt, new Date(after.createdAt)), and(eq(posts.createdAt, new Date(after.createdAt)), lt(posts.id, after.id))) : undefined,
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
