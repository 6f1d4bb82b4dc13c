import { and, asc, eq, gte, inArray, isNull, ne } from 'drizzle-orm';
import type { Db } from '@mosaic/kit';
import { members, messages } from './tables';

/**
 * Who has read each of these messages: members of its room whose read marker is at or after it
 * (ids grow in commit order), the author aside — one statement for many messages. Thread replies
 * have no readers here (room markers do not cover them).
 */
export async function findReaders(db: Db, messageIds: readonly string[]): Promise<{ messageId: string; userId: string }[]> {
  if (messageIds.length === 0) return [];
  return db
    .select({ messageId: messages.id, userId: members.userId })
    .from(messages)
    .innerJoin(members, and(eq(members.roomId, messages.roomId), gte(members.lastReadMessageId, messages.id), ne(members.userId, messages.authorId)))
    .where(and(inArray(messages.id, [...messageIds]), isNull(messages.threadRootId)))
    .orderBy(asc(members.userId));
}
