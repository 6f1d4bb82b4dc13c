import { and, count, desc, eq, gt, gte, inArray, lt, or, sql } from 'drizzle-orm';
import type { Db } from '@mosaic/kit';
import { interactions, type InteractionRow } from './tables';

export async function insertInteraction(db: Db, row: InteractionRow): Promise<InteractionRow> {
  const [inserted] = await db.insert(interactions).values(row).returning();
  return inserted!;
}

export async function insertInteractions(db: Db, rows: InteractionRow[]): Promise<void> {
  if (rows.length > 0) await db.insert(interactions).values(rows);
}

export async function countRecentInteractions(db: Db, userId: string, since: Date): Promise<number> {
  const [row] = await db.select({ n: count() }).from(interactions).where(and(eq(interactions.userId, userId), gte(interactions.occurredAt, since)));
  return row!.n;
}

export async function deleteInteractionsOf(db: Db, userId: string): Promise<number> {
  return (await db.delete(interactions).where(eq(interactions.userId, userId)).returning({ id: interactions.id })).length;
}

export interface HistoryQuery {
  /** Rows per user. */
  limit: number;
  /** Only interactions at or after this instant (the model's window). */
  since?: Date;
  /** Keyset: only rows older than this (occurredAt, id). */
  before?: { occurredAt: string; id: string } | null;
}

/** Each user's newest interactions (at most `limit` each), in one statement for every user asked for. */
export async function findHistories(db: Db, userIds: readonly string[], query: HistoryQuery): Promise<InteractionRow[]> {
  const before = query.before;
  const ranked = db
    .select({
      id: interactions.id,
      userId: interactions.userId,
      itemKind: interactions.itemKind,
      itemId: interactions.itemId,
      kind: interactions.kind,
      rating: interactions.rating,
      source: interactions.source,
      occurredAt: interactions.occurredAt,
      rank: sql<number>`row_number() over (partition by ${interactions.userId} order by ${interactions.occurredAt} desc, ${interactions.id} desc)`.as('rank'),
    })
    .from(interactions)
    .where(
      and(
        inArray(interactions.userId, [...userIds]),
        query.since ? gte(interactions.occurredAt, query.since) : undefined,
        before ? or(lt(interactions.occurredAt, new Date(before.occurredAt)), and(eq(interactions.occurredAt, new Date(before.occurredAt)), lt(interactions.id, before.id))) : undefined,
      ),
    )
    .as('ranked');
  return db
    .select({ id: ranked.id, userId: ranked.userId, itemKind: ranked.itemKind, itemId: ranked.itemId, kind: ranked.kind, rating: ranked.rating, source: ranked.source, occurredAt: ranked.occurredAt })
    .from(ranked)
    .where(sql`${ranked.rank} <= ${query.limit}`)
    .orderBy(desc(ranked.occurredAt), desc(ranked.id));
}

/** Everything after `since`, for training: only the columns the model reads. */
export function interactionsSince(db: Db, since: Date) {
  return db
    .select({ userId: interactions.userId, itemKind: interactions.itemKind, itemId: interactions.itemId, kind: interactions.kind, rating: interactions.rating, occurredAt: interactions.occurredAt })
    .from(interactions)
    .where(gt(interactions.occurredAt, since));
}
