import { and, count, desc, eq, getTableColumns, gt, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import type { Db } from '@mosaic/kit';
import { uuidRows } from './id-list';
import { findMessagePagesPerParent } from './message-pages';
import { messages, threadFollowers, threads, type MessageRow, type ThreadFollowerRow, type ThreadRow } from './tables';

export async function findThreadsByRoots(db: Db, rootIds: readonly string[]): Promise<ThreadRow[]> {
  return db.select().from(threads).where(inArray(threads.rootMessageId, [...rootIds]));
}

/** A reply was sent (under the room's lock): the thread is created with it, or counts it as its newest reply. */
export async function recordThreadReply(db: Db, reply: { rootMessageId: string; roomId: string; replyId: string; at: Date }): Promise<void> {
  await db
    .insert(threads)
    .values({ rootMessageId: reply.rootMessageId, roomId: reply.roomId, replyCount: 1, lastReplyId: reply.replyId, lastReplyAt: reply.at })
    .onConflictDoUpdate({
      target: threads.rootMessageId,
      set: { replyCount: sql`${threads.replyCount} + 1`, lastReplyId: reply.replyId, lastReplyAt: reply.at },
    });
}

/**
 * Makes the user a follower; one who already follows keeps their marker, moved forward to
 * `readUpTo` when given (a replier has read up to their own reply).
 */
export async function follow(db: Db, rootMessageId: string, userId: string, readUpTo: string | null): Promise<void> {
  const insert = db.insert(threadFollowers).values({ rootMessageId, userId, lastReadMessageId: readUpTo });
  await (readUpTo === null
    ? insert.onConflictDoNothing()
    : insert.onConflictDoUpdate({
        target: [threadFollowers.rootMessageId, threadFollowers.userId],
        set: { lastReadMessageId: sql`greatest(${threadFollowers.lastReadMessageId}, ${readUpTo}::uuid)` },
      }));
}

export async function unfollow(db: Db, rootMessageId: string, userId: string): Promise<void> {
  await db.delete(threadFollowers).where(and(eq(threadFollowers.rootMessageId, rootMessageId), eq(threadFollowers.userId, userId)));
}

/** Moves a follower's marker forward (never back); nothing for someone who does not follow. */
export async function advanceThreadMarker(db: Db, rootMessageId: string, userId: string, upTo: string): Promise<void> {
  await db
    .update(threadFollowers)
    .set({ lastReadMessageId: sql`greatest(${threadFollowers.lastReadMessageId}, ${upTo}::uuid)` })
    .where(and(eq(threadFollowers.rootMessageId, rootMessageId), eq(threadFollowers.userId, userId)));
}

/** The user's follows among these threads (absent: not followed). */
export async function findFollows(db: Db, userId: string, rootIds: readonly string[]): Promise<ThreadFollowerRow[]> {
  return db
    .select()
    .from(threadFollowers)
    .where(and(eq(threadFollowers.userId, userId), inArray(threadFollowers.rootMessageId, [...rootIds])));
}

/** Per followed thread, the replies of others after the user's marker, deleted ones left out — one statement for many threads. */
export async function countThreadUnread(db: Db, userId: string, rootIds: readonly string[]): Promise<{ rootMessageId: string; count: number }[]> {
  return db
    .select({ rootMessageId: threadFollowers.rootMessageId, count: count() })
    .from(messages)
    .innerJoin(threadFollowers, and(eq(threadFollowers.rootMessageId, messages.threadRootId), eq(threadFollowers.userId, userId)))
    .where(
      and(
        inArray(messages.threadRootId, [...rootIds]),
        isNull(messages.deletedAt),
        ne(messages.authorId, userId),
        or(isNull(threadFollowers.lastReadMessageId), gt(messages.id, threadFollowers.lastReadMessageId)),
      ),
    )
    .groupBy(threadFollowers.rootMessageId);
}

export interface ReplyPageQuery {
  limit: number;
  /** Raw id of the last reply of the previous page: the next page holds newer (larger) ids. */
  after: string | null;
}

/** One page of replies, oldest first, for many threads in ONE statement (a lateral range scan per thread). */
export async function findReplyPages(db: Db, rootIds: readonly string[], query: ReplyPageQuery): Promise<MessageRow[]> {
  return findMessagePagesPerParent(db, rootIds, {
    parent: messages.threadRootId,
    where: query.after ? sql`${messages.id} > ${query.after}::uuid` : undefined,
    newestFirst: false,
    limit: query.limit + 1,
  });
}

export interface ThreadPageQuery {
  limit: number;
  /** The `lastReplyId` of the previous page's last thread: the next page holds threads replied to earlier. */
  before: string | null;
  /** Only threads this user follows; null: all. */
  followerId: string | null;
}

/** One page of threads per room, most recently replied to first, for many rooms in ONE statement. */
export async function findThreadPages(db: Db, roomIds: readonly string[], query: ThreadPageQuery): Promise<ThreadRow[]> {
  if (roomIds.length === 0) return [];
  const page = db
    .select({ ...getTableColumns(threads), position: sql<number>`row_number() over (order by ${threads.lastReplyId} desc)`.as('position') })
    .from(threads)
    .where(
      and(
        sql`${threads.roomId} = parents.id`,
        query.before ? sql`${threads.lastReplyId} < ${query.before}::uuid` : undefined,
        query.followerId
          ? sql`exists (select 1 from ${threadFollowers} where ${threadFollowers.rootMessageId} = ${threads.rootMessageId} and ${threadFollowers.userId} = ${query.followerId})`
          : undefined,
      ),
    )
    .orderBy(desc(threads.lastReplyId))
    .limit(query.limit + 1)
    .as('page');
  return db
    .select({ rootMessageId: page.rootMessageId, roomId: page.roomId, replyCount: page.replyCount, lastReplyId: page.lastReplyId, lastReplyAt: page.lastReplyAt } satisfies Record<keyof ThreadRow, unknown>)
    .from(uuidRows(roomIds, 'parents'))
    .crossJoinLateral(page)
    .orderBy(sql`parents.ord`, page.position);
}
