import { and, asc, count, eq, inArray, isNull, ne, or, sql, gt } from 'drizzle-orm';
import type { Db } from '@mosaic/kit';
import { findMessagePagesPerParent } from './message-pages';
import { members, messages, type MessageRow, type NewMessage } from './tables';

export async function findMessagesByIds(db: Db, ids: readonly string[]): Promise<MessageRow[]> {
  return db.select().from(messages).where(inArray(messages.id, [...ids]));
}

export async function findMessage(db: Db, id: string): Promise<MessageRow | undefined> {
  const [row] = await db.select().from(messages).where(eq(messages.id, id));
  return row;
}

export async function findMessageInRoom(db: Db, id: string, roomId: string): Promise<MessageRow | undefined> {
  const [row] = await db
    .select()
    .from(messages)
    .where(and(eq(messages.id, id), eq(messages.roomId, roomId)));
  return row;
}

export async function insertMessage(db: Db, message: NewMessage): Promise<MessageRow> {
  const [row] = await db.insert(messages).values(message).returning();
  return row!;
}

export async function updateMessageText(db: Db, id: string, text: string, editedAt: Date): Promise<MessageRow> {
  const [row] = await db.update(messages).set({ text, editedAt }).where(eq(messages.id, id)).returning();
  return row!;
}

/** Soft delete: the row keeps its place in the history; its text is gone. */
export async function markMessageDeleted(db: Db, id: string, deletedAt: Date): Promise<MessageRow> {
  const [row] = await db.update(messages).set({ text: '', deletedAt }).where(eq(messages.id, id)).returning();
  return row!;
}

/** A room's messages after `afterId`, oldest first (a resuming live stream's missed messages). */
export async function findMessagesAfter(db: Db, roomId: string, afterId: string, limit: number): Promise<MessageRow[]> {
  return db
    .select()
    .from(messages)
    .where(and(eq(messages.roomId, roomId), gt(messages.id, afterId)))
    .orderBy(asc(messages.id))
    .limit(limit);
}

export interface MessagePageQuery {
  limit: number;
  /** Raw id of the last message of the previous page: the next page holds older (smaller) ids. */
  before: string | null;
}

/**
 * One page of history per room for many rooms in ONE statement: a lateral subquery runs the
 * single-room query (index range scan on (room_id, id), newest first, LIMIT) once per room.
 * Rows come back grouped by room, in page order.
 */
export async function findMessagePages(db: Db, roomIds: readonly string[], query: MessagePageQuery): Promise<MessageRow[]> {
  return findMessagePagesPerParent(db, roomIds, {
    parent: messages.roomId,
    // The room's main timeline: replies in threads are listed by their thread.
    where: and(isNull(messages.threadRootId), query.before ? sql`${messages.id} < ${query.before}::uuid` : undefined),
    newestFirst: true,
    limit: query.limit + 1,
  });
}

/**
 * Per room, the messages of others after the user's read marker, deleted ones and thread replies left out — in one
 * statement for many rooms. Rooms the user is not in, or has read completely, are absent.
 */
export async function countUnread(db: Db, userId: string, roomIds: readonly string[]): Promise<{ roomId: string; count: number }[]> {
  return db
    .select({ roomId: messages.roomId, count: count() })
    .from(messages)
    .innerJoin(members, and(eq(members.roomId, messages.roomId), eq(members.userId, userId)))
    .where(
      and(
        inArray(messages.roomId, [...roomIds]),
        isNull(messages.deletedAt),
        // Replies in threads are counted per thread (for its followers), not in the room.
        isNull(messages.threadRootId),
        ne(messages.authorId, userId),
        or(isNull(members.lastReadMessageId), gt(messages.id, members.lastReadMessageId)),
      ),
    )
    .groupBy(messages.roomId);
}
