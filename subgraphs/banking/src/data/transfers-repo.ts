import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '@mosaic/kit';
import { transfers, type TransferRow } from './tables';

/**
 * Inserts the transfer unless the initiator already used its idempotency key. A concurrent insert
 * with the same key waits on the unique index until the first commits (then yields nothing) or
 * rolls back (then this one goes in): exactly one transfer per key.
 */
export async function claimTransfer(db: Db, row: TransferRow): Promise<boolean> {
  const inserted = await db.insert(transfers).values(row).onConflictDoNothing({ target: [transfers.initiatorId, transfers.idempotencyKey] }).returning({ id: transfers.id });
  return inserted.length === 1;
}

export async function findTransferByKey(db: Db, initiatorId: string, idempotencyKey: string): Promise<TransferRow | null> {
  const [row] = await db.select().from(transfers).where(and(eq(transfers.initiatorId, initiatorId), eq(transfers.idempotencyKey, idempotencyKey)));
  return row ?? null;
}

export function findTransfersByIds(db: Db, ids: readonly string[]): Promise<TransferRow[]> {
  return db.select().from(transfers).where(inArray(transfers.id, [...ids]));
}

export async function lockTransfer(db: Db, id: string): Promise<TransferRow | null> {
  const [row] = await db.select().from(transfers).where(eq(transfers.id, id)).for('update');
  return row ?? null;
}

export async function updateTransfer(db: Db, id: string, changes: Partial<Pick<TransferRow, 'status' | 'postedAt' | 'voidedAt' | 'voidReason'>>): Promise<TransferRow> {
  const [row] = await db.update(transfers).set(changes).where(eq(transfers.id, id)).returning();
  return row!;
}

/** Pending transfers whose hold has expired, oldest first (the expiry job voids them). */
export function findExpiredHolds(db: Db, now: Date, limit: number): Promise<TransferRow[]> {
  return db
    .select()
    .from(transfers)
    .where(and(eq(transfers.status, 'PENDING'), lte(transfers.expiresAt, now)))
    .orderBy(asc(transfers.expiresAt))
    .limit(limit);
}


/** Several transfers in one statement; answers how many were new (a key already used elsewhere is skipped). */
export async function claimTransfers(db: Db, rows: readonly TransferRow[]): Promise<number> {
  const inserted = await db.insert(transfers).values([...rows]).onConflictDoNothing({ target: [transfers.initiatorId, transfers.idempotencyKey] }).returning({ id: transfers.id });
  return inserted.length;
}

/** Transfers by (initiator, idempotency key), for a batch's retries. */
export function findTransfersByKeys(db: Db, keys: readonly { initiatorId: string; idempotencyKey: string }[]): Promise<TransferRow[]> {
  if (keys.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(transfers)
    .where(sql`(${transfers.initiatorId}, ${transfers.idempotencyKey}) in (${sql.join(keys.map((key) => sql`(${key.initiatorId}::uuid, ${key.idempotencyKey})`), sql`, `)})`);
}
