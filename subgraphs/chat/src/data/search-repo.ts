import { and, desc, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '@mosaic/kit';
import { members, messages, type MessageRow } from './tables';

export interface MessageSearch {
  userId: string;
  /** Web-search syntax: words, "quoted phrases", -excluded, or. */
  text: string;
  /** Only this room; null: every room the user is a member of. */
  roomId: string | null;
  limit: number;
  /** The id of the previous page's last message: the next page holds older ones. */
  before: string | null;
}

/**
 * Messages matching a full-text query in rooms the user is a member of, newest first (keyset on
 * the id). The GIN index on `to_tsvector('simple', text)` finds the matches; the join keeps only
 * the user's rooms. Deleted messages have no text, so they never match.
 */
export async function searchMessages(db: Db, search: MessageSearch): Promise<MessageRow[]> {
  const rows = await db
    .select({ message: messages })
    .from(messages)
    .innerJoin(members, and(eq(members.roomId, messages.roomId), eq(members.userId, search.userId)))
    .where(
      and(
        sql`to_tsvector('simple', ${messages.text}) @@ websearch_to_tsquery('simple', ${search.text})`,
        search.roomId ? eq(messages.roomId, search.roomId) : undefined,
        search.before ? lt(messages.id, search.before) : undefined,
      ),
    )
    .orderBy(desc(messages.id))
    .limit(search.limit + 1);
  return rows.map((row) => row.message);
}
