import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '@mosaic/kit';
import { commentLikes, comments, postLikes, posts } from './tables';

/**
 * A like is a row keyed by (target, user): a second like inserts nothing. The counter moves only
 * when a row was inserted or deleted, in the same transaction, by a relative UPDATE — concurrent
 * likes serialise on the target's row lock and none is lost.
 */
export async function addPostLike(tx: Db, postId: string, userId: string, now: Date): Promise<{ changed: boolean; likeCount: number }> {
  const inserted = await tx.insert(postLikes).values({ postId, userId, createdAt: now }).onConflictDoNothing().returning({ postId: postLikes.postId });
  return moveCount(tx, 'post', postId, inserted.length);
}

export async function removePostLike(tx: Db, postId: string, userId: string): Promise<{ changed: boolean; likeCount: number }> {
  const deleted = await tx.delete(postLikes).where(and(eq(postLikes.postId, postId), eq(postLikes.userId, userId))).returning({ postId: postLikes.postId });
  return moveCount(tx, 'post', postId, -deleted.length);
}

export async function addCommentLike(tx: Db, commentId: string, userId: string, now: Date): Promise<{ changed: boolean; likeCount: number }> {
  const inserted = await tx.insert(commentLikes).values({ commentId, userId, createdAt: now }).onConflictDoNothing().returning({ commentId: commentLikes.commentId });
  return moveCount(tx, 'comment', commentId, inserted.length);
}

export async function removeCommentLike(tx: Db, commentId: string, userId: string): Promise<{ changed: boolean; likeCount: number }> {
  const deleted = await tx.delete(commentLikes).where(and(eq(commentLikes.commentId, commentId), eq(commentLikes.userId, userId))).returning({ commentId: commentLikes.commentId });
  return moveCount(tx, 'comment', commentId, -deleted.length);
}

async function moveCount(tx: Db, target: 'post' | 'comment', id: string, by: number): Promise<{ changed: boolean; likeCount: number }> {
  const table = target === 'post' ? posts : comments;
  const [row] = by === 0
    ? await tx.select({ likeCount: table.likeCount }).from(table).where(eq(table.id, id))
    : await tx.update(table).set({ likeCount: sql`${table.likeCount} + ${by}` }).where(eq(table.id, id)).returning({ likeCount: table.likeCount });
  return { changed: by !== 0, likeCount: row!.likeCount };
}

/** Which of these posts the user likes (one statement for a page). */
export async function findPostsLikedBy(db: Db, userId: string, postIds: readonly string[]): Promise<string[]> {
  return (await db.select({ id: postLikes.postId }).from(postLikes).where(and(eq(postLikes.userId, userId), inArray(postLikes.postId, [...postIds])))).map((row) => row.id);
}

export async function findCommentsLikedBy(db: Db, userId: string, commentIds: readonly string[]): Promise<string[]> {
  return (await db.select({ id: commentLikes.commentId }).from(commentLikes).where(and(eq(commentLikes.userId, userId), inArray(commentLikes.commentId, [...commentIds])))).map((row) => row.id);
}

/** A departed user's likes go, and the counts they were in go down with them. */
export async function forgetLikesOf(tx: Db, userId: string): Promise<void> {
  const unliked = await tx.delete(postLikes).where(eq(postLikes.userId, userId)).returning({ id: postLikes.postId });
  if (unliked.length > 0) await tx.update(posts).set({ likeCount: sql`${posts.likeCount} - 1` }).where(inArray(posts.id, unliked.map((row) => row.id)));
  const unlikedComments = await tx.delete(commentLikes).where(eq(commentLikes.userId, userId)).returning({ id: commentLikes.commentId });
  if (unlikedComments.length > 0) await tx.update(comments).set({ likeCount: sql`${comments.likeCount} - 1` }).where(inArray(comments.id, unlikedComments.map((row) => row.id)));
}

export async function deleteLikesOn(tx: Db, postIds: string[], commentIds: string[]): Promise<void> {
  if (postIds.length > 0) await tx.delete(postLikes).where(inArray(postLikes.postId, postIds));
  if (commentIds.length > 0) await tx.delete(commentLikes).where(inArray(commentLikes.commentId, commentIds));
}
