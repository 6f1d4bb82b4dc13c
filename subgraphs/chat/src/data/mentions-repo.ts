import { and, asc, desc, eq, inArray, isNull, lt } from 'drizzle-orm';
import type { Db } from '@mosaic/kit';
import { members, mentions, messages, type MessageRow } from './tables';

/** Which of these users are members of the room (the ones a mention may notify). */
export async function membersAmong(db: Db, roomId: string, userIds: readonly string[]): Promise<string[]> {
  if (userIds.length === 0) return [];
  const rows = await db
    .select({ userId: members.userId })
    .from(members)
    .where(and(eq(members.roomId, roomId), inArray(members.userId, [...userIds])));
  return rows.map((row) => row.userId);
}

/** The message's mentions become exactly `userIds`; returns the ones that are new (to notify). */
export async function replaceMentions(db: Db, message: Pick<MessageRow, 'id' | 'roomId'>, userIds: readonly string[]): Promise<string[]> {
  const before = await db.delete(mentions).where(eq(mentions.messageId, message.id)).returning({ userId: mentions.userId });
  if (userIds.length > 0) await db.insert(mentions).values(userIds.map((userId) => ({ messageId: message.id, userId, roomId: message.roomId })));
  const had = new Set(before.map((row) => row.userId));
  return userIds.filter((id) => !had.has(id));
}

/** Mentioned users per message, in user id order — one statement for many messages. */
export async function findMentionsOf(db: Db, messageIds: readonly string[]): Promise<{ messageId: string; userId: string }[]> {
  return db
    .select({ messageId: mentions.messageId, userId: mentions.userId })
    .from(mentions)
    .where(inArray(mentions.messageId, [...messageIds]))
    .orderBy(asc(mentions.userId));
}

/**
 * The user's mentions feed, newest message first, keyset on the message id: messages not deleted,
 * in rooms the user is still a member of.
 */
export async function findMentionsFeed(db: Db, userId: string, limit: number, before: string | null): Promise<MessageRow[]> {
  const rows = await db
    .select({ message: messages })
    .from(mentions)
    .innerJoin(messages, eq(messages.id, mentions.messageId))
    .innerJoin(members, and(eq(members.roomId, mentions.roomId), eq(members.userId, userId)))
    .where(and(eq(mentions.userId, userId), isNull(messages.deletedAt), before ? lt(mentions.messageId, before) : undefined))
    .orderBy(desc(mentions.messageId))
    .limit(limit + 1);
  return rows.map((row) => row.message);
}
