import { and, desc, eq, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/database';
import { uuidv7 } from '../data/uuid';
import type { EventEnvelope } from './catalog';
import { eventTables, type DeadLetterRow } from './tables';

/**
 * Dead letters live in the consuming subgraph's schema, not in a broker queue: they can be listed
 * and filtered with SQL, survive a broker rebuild, and a replay runs the handler and its inbox
 * entry in one transaction with the dead letter's update.
 */
export async function recordDeadLetter(db: Db, schema: string, entry: { consumer: string; envelope: EventEnvelope; error: unknown; attempts: number }): Promise<void> {
  const { deadLetters } = eventTables(schema);
  const error = entry.error instanceof Error ? entry.error.message : String(entry.error);
  const failedAt = new Date();
  await db
    .insert(deadLetters)
    .values({ id: uuidv7(), consumer: entry.consumer, eventId: entry.envelope.id, type: entry.envelope.type, envelope: entry.envelope, error, attempts: entry.attempts, failedAt })
    .onConflictDoUpdate({
      target: [deadLetters.consumer, deadLetters.eventId],
      set: { error, attempts: sql`${deadLetters.attempts} + ${entry.attempts}`, failedAt, replayRequestedAt: null, replayedAt: null },
    });
}

export interface DeadLetterQuery {
  /** Only those not yet replayed (default true). */
  pending?: boolean;
  consumer?: string;
  limit?: number;
}

export async function listDeadLetters(db: Db, schema: string, query: DeadLetterQuery = {}): Promise<DeadLetterRow[]> {
  const { deadLetters } = eventTables(schema);
  return db
    .select()
    .from(deadLetters)
    .where(and(query.pending === false ? undefined : isNull(deadLetters.replayedAt), query.consumer ? eq(deadLetters.consumer, query.consumer) : undefined))
    .orderBy(desc(deadLetters.failedAt))
    .limit(Math.min(Math.max(query.limit ?? 50, 1), 500));
}

/** Asks the running consumers to replay a dead letter (the CLI: it cannot run their handlers itself). */
export async function requestReplay(db: Db, schema: string, id: string): Promise<boolean> {
  const { deadLetters } = eventTables(schema);
  const rows = await db
    .update(deadLetters)
    .set({ replayRequestedAt: new Date() })
    .where(and(eq(deadLetters.id, id), isNull(deadLetters.replayedAt)))
    .returning({ id: deadLetters.id });
  return rows.length > 0;
}

export async function replayRequested(db: Db, schema: string, consumers: readonly string[]): Promise<string[]> {
  if (consumers.length === 0) return [];
  const { deadLetters } = eventTables(schema);
  const rows = await db
    .select({ id: deadLetters.id, consumer: deadLetters.consumer })
    .from(deadLetters)
    .where(and(isNotNull(deadLetters.replayRequestedAt), isNull(deadLetters.replayedAt)))
    .limit(100);
  return rows.filter((row) => consumers.includes(row.consumer)).map((row) => row.id);
}

export type ReplayResult =
  | { outcome: 'APPLIED' | 'ALREADY_APPLIED'; deadLetter: DeadLetterRow }
  | { outcome: 'FAILED'; deadLetter: DeadLetterRow; error: string }
  | { outcome: 'NOT_FOUND' | 'UNKNOWN_CONSUMER' };

type Apply = (tx: Db, envelope: EventEnvelope) => Promise<'applied' | 'duplicate'>;

/**
 * Runs the consumer's handler for a dead letter once more — in one transaction with its inbox
 * entry and the dead letter's `replayed_at`, so replaying twice (or racing a redelivery) applies
 * it once. A handler that still fails leaves the dead letter pending with the new error.
 */
export async function replayDeadLetter(db: Db, schema: string, id: string, applierOf: (consumer: string) => Apply | undefined): Promise<ReplayResult> {
  const { deadLetters } = eventTables(schema);
  try {
    return await db.transaction(async (tx): Promise<ReplayResult> => {
      const [row] = await tx.select().from(deadLetters).where(eq(deadLetters.id, id)).for('update');
      if (!row) return { outcome: 'NOT_FOUND' };
      if (row.replayedAt) return { outcome: 'ALREADY_APPLIED', deadLetter: row };
      const apply = applierOf(row.consumer);
      if (!apply) return { outcome: 'UNKNOWN_CONSUMER' };
      const applied = await apply(tx, row.envelope as EventEnvelope);
      const [updated] = await tx.update(deadLetters).set({ replayedAt: new Date(), replayRequestedAt: null }).where(eq(deadLetters.id, id)).returning();
      return { outcome: applied === 'applied' ? 'APPLIED' : 'ALREADY_APPLIED', deadLetter: updated! };
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const [row] = await db
      .update(deadLetters)
      .set({ error: message, attempts: sql`${deadLetters.attempts} + 1`, failedAt: new Date(), replayRequestedAt: null })
      .where(eq(deadLetters.id, id))
      .returning();
    if (!row) return { outcome: 'NOT_FOUND' };
    return { outcome: 'FAILED', deadLetter: row, error: message };
  }
}

/** Inbox entries and replayed dead letters older than the retention period go (a consumer's own housekeeping). */
export async function pruneConsumed(db: Db, schema: string, retentionMs: number): Promise<void> {
  const { inbox, deadLetters } = eventTables(schema);
  const cutoff = new Date(Date.now() - retentionMs);
  await db.delete(inbox).where(lt(inbox.processedAt, cutoff));
  await db.delete(deadLetters).where(lt(deadLetters.replayedAt, cutoff));
}
