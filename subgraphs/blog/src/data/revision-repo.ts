import { and, desc, eq, inArray, lt } from 'drizzle-orm';
import type { Db } from '@mosaic/kit';
import { postRevisions, type PostRevisionRow } from './tables';

export async function insertRevision(tx: Db, row: PostRevisionRow): Promise<PostRevisionRow> {
  const [inserted] = await tx.insert(postRevisions).values(row).returning();
  return inserted!;
}

/** A page of a post's revisions, newest first; `after` is the number of the last one seen. */
export function findRevisionPage(db: Db, postId: string, limit: number, after: number | null): Promise<PostRevisionRow[]> {
  return db
    .select()
    .from(postRevisions)
    .where(and(eq(postRevisions.postId, postId), after === null ? undefined : lt(postRevisions.number, after)))
    .orderBy(desc(postRevisions.number))
    .limit(limit + 1);
}

export function findRevisions(db: Db, postId: string, numbers: number[]): Promise<PostRevisionRow[]> {
  return db.select().from(postRevisions).where(and(eq(postRevisions.postId, postId), inArray(postRevisions.number, numbers)));
}

export async function deleteRevisionsOf(tx: Db, postIds: string[]): Promise<void> {
  if (postIds.length > 0) await tx.delete(postRevisions).where(inArray(postRevisions.postId, postIds));
}
