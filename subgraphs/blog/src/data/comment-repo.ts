import { and, count, eq, gt, inArray, isNull, notExists, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '@mosaic/kit';
import { comments, type CommentRow, type CommentStatus } from './tables';

export async function insertComment(tx: Db, row: CommentRow): Promise<CommentRow> {
  const [inserted] = await tx.insert(comments).values(row).returning();
  return inserted!;
}

export async function updateComment(tx: Db, id: string, changes: Partial<CommentRow>): Promise<CommentRow> {
  const [updated] = await tx.update(comments).set(changes).where(eq(comments.id, id)).returning();
  return updated!;
}

export async function lockComment(tx: Db, id: string): Promise<CommentRow | undefined> {
  const [row] = await tx.select().from(comments).where(eq(comments.id, id)).for('update');
  return row;
}

export function findCommentsByIds(db: Db, ids: readonly string[]): Promise<CommentRow[]> {
  return db.select().from(comments).where(inArray(comments.id, [...ids]));
}

export interface ThreadQuery {
  /** Pending comments too (editors and admins). */
  includePending: boolean;
  limit: number;
  after: [string, string] | null;
}

/**
 * The first page of comments under each parent (a post's top level when `parentColumn` is
 * post_id and parent_id is null, or a comment's replies), oldest first: one statement for every
 * parent asked for.
 */
export async function findThreadPages(db: Db, level: 'top' | 'replies', parentIds: readonly string[], query: ThreadQuery): Promise<CommentRow[]> {
  const parent = level === 'top' ? comments.postId : comments.parentId;
  const visible = query.includePending ? inArray(comments.status, ['approved', 'pending']) : eq(comments.status, 'approved');
  const after = query.after;
  const ranked = db
    .select({
      id: comments.id,
      rank: sql<number>`row_number() over (partition by ${parent} order by ${comments.createdAt}, ${comments.id})`.as('rank'),
    })
    .from(comments)
    .where(
      and(
        inArray(parent, [...parentIds]),
        level === 'top' ? isNull(comments.parentId) : undefined,
        visible,
        after ? sql`(${comments.createdAt}, ${comments.id}) > (${after[0]}::timestamptz, ${after[1]}::uuid)` : undefined,
      ),
    )
    .as('ranked');
  return db
    .select({ comment: comments })
    .from(comments)
    .innerJoin(ranked, eq(ranked.id, comments.id))
    .where(sql`${ranked.rank} <= ${query.limit + 1}`)
    .orderBy(comments.createdAt, comments.id)
    .then((rows) => rows.map((row) => row.comment));
}

/** Approved, not deleted comments per post (replies included): one statement for a page of posts. */
export function countVisibleComments(db: Db, postIds: readonly string[]): Promise<{ postId: string; n: number }[]> {
  return db
    .select({ postId: comments.postId, n: count() })
    .from(comments)
    .where(and(inArray(comments.postId, [...postIds]), eq(comments.status, 'approved'), isNull(comments.deletedAt)))
    .groupBy(comments.postId);
}

export function findPendingPage(db: Db, limit: number, after: [string, string] | null): Promise<CommentRow[]> {
  return db
    .select()
    .from(comments)
    .where(and(eq(comments.status, 'pending'), isNull(comments.deletedAt), after ? sql`(${comments.createdAt}, ${comments.id}) > (${after[0]}::timestamptz, ${after[1]}::uuid)` : undefined))
    .orderBy(comments.createdAt, comments.id)
    .limit(limit + 1);
}

/**
 * Serialises one user's comment writes (a transaction-scoped advisory lock on the user id), so
 * that the rate limit holds under concurrent requests, on any replica.
 */
export async function lockCommenter(tx: Db, userId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`blog.comments:${userId}`}, 0))`);
}

export async function countCommentsSince(tx: Db, userId: string, since: Date): Promise<number> {
  const [row] = await tx.select({ n: count() }).from(comments).where(and(eq(comments.authorId, userId), gt(comments.createdAt, since)));
  return row!.n;
}

export async function setCommentStatus(tx: Db, id: string, status: CommentStatus, moderatorId: string, now: Date): Promise<CommentRow> {
  return updateComment(tx, id, { status, moderatedBy: moderatorId, moderatedAt: now });
}

/**
 * A departed user's comments: gone when nobody replied, text removed (kept as deleted) when
 * someone did. Returns the ids of the comments that went (their likes go too).
 */
export async function forgetCommentsOf(tx: Db, userId: string, now: Date): Promise<string[]> {
  const replies = alias(comments, 'replies');
  const gone = await tx
    .delete(comments)
    .where(and(eq(comments.authorId, userId), notExists(tx.select({ id: replies.id }).from(replies).where(eq(replies.parentId, comments.id)))))
    .returning({ id: comments.id });
  await tx.update(comments).set({ bodyMarkdown: '', bodyHtml: '', deletedAt: now }).where(and(eq(comments.authorId, userId), isNull(comments.deletedAt)));
  return gone.map((row) => row.id);
}

export async function deleteCommentsOnPosts(tx: Db, postIds: string[]): Promise<string[]> {
  if (postIds.length === 0) return [];
  return (await tx.delete(comments).where(inArray(comments.postId, postIds)).returning({ id: comments.id })).map((row) => row.id);
}
