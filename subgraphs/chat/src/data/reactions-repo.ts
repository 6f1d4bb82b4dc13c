import { and, asc, count, eq, inArray, min, sql } from 'drizzle-orm';
import type { Db } from '@mosaic/kit';
import { reactions } from './tables';

/** Adds the user's reaction unless it exists (adding twice changes nothing); true when it was new. */
export async function insertReaction(db: Db, reaction: { messageId: string; userId: string; emoji: string; createdAt: Date }): Promise<boolean> {
  const rows = await db.insert(reactions).values(reaction).onConflictDoNothing().returning({ emoji: reactions.emoji });
  return rows.length === 1;
}

/** True when the user had reacted with this emoji. */
export async function deleteReaction(db: Db, messageId: string, userId: string, emoji: string): Promise<boolean> {
  const rows = await db
    .delete(reactions)
    .where(and(eq(reactions.messageId, messageId), eq(reactions.userId, userId), eq(reactions.emoji, emoji)))
    .returning({ emoji: reactions.emoji });
  return rows.length === 1;
}

export async function deleteReactionsOf(db: Db, messageId: string): Promise<void> {
  await db.delete(reactions).where(eq(reactions.messageId, messageId));
}

/** One emoji's reactions on one message, summarised for a viewer. */
export interface ReactionSummary {
  messageId: string;
  emoji: string;
  count: number;
  reactedByViewer: boolean;
}

/**
 * Summaries for many messages in one statement: per message, one row per emoji, in the order each
 * emoji was first used (then by emoji, so the order is total).
 */
export async function summariseReactions(db: Db, messageIds: readonly string[], viewerId: string | null): Promise<ReactionSummary[]> {
  const firstUsed = min(reactions.createdAt);
  return db
    .select({
      messageId: reactions.messageId,
      emoji: reactions.emoji,
      count: count(),
      reactedByViewer: viewerId === null ? sql<boolean>`false` : sql<boolean>`bool_or(${reactions.userId} = ${viewerId}::uuid)`,
    })
    .from(reactions)
    .where(inArray(reactions.messageId, [...messageIds]))
    .groupBy(reactions.messageId, reactions.emoji)
    .orderBy(asc(reactions.messageId), asc(firstUsed), asc(reactions.emoji));
}
