import { and, desc, eq, inArray, lt, or, sql } from 'drizzle-orm';
import type { Db } from '@mosaic/kit';
import { addressTransactions, transactions, type TransactionRow, type TransactionStatus } from './tables';
import type { PageQuery } from './wallets-repo';

/** Stores a transaction and indexes it under its sender and recipient. */
export async function insertTransaction(db: Db, row: TransactionRow): Promise<TransactionRow> {
  const [inserted] = await db.insert(transactions).values(row).returning();
  const parties = [...new Set([row.fromAddress, row.toAddress].filter((a): a is string => a !== null))];
  await db.insert(addressTransactions).values(parties.map((address) => ({ chainId: row.chainId, address, transactionId: row.id, createdAt: row.createdAt })));
  return inserted!;
}

export function findTransactionsByIds(db: Db, ids: readonly string[]): Promise<TransactionRow[]> {
  return db.select().from(transactions).where(inArray(transactions.id, [...ids]));
}

/** Transactions the tracker still follows (not yet final), oldest first. */
export function findOpenTransactions(db: Db, chainId: number, limit: number): Promise<TransactionRow[]> {
  return db
    .select()
    .from(transactions)
    .where(and(eq(transactions.chainId, chainId), inArray(transactions.status, ['PENDING', 'MINED'])))
    .orderBy(transactions.createdAt)
    .limit(limit);
}

/**
 * Every live transaction Mosaic sent from `from` with this nonce (an original and its
 * replacements); FAILED ones are left out, among them those of a network that was reset.
 */
export function findByNonce(db: Db, chainId: number, from: string, nonce: bigint): Promise<TransactionRow[]> {
  return db
    .select()
    .from(transactions)
    .where(and(eq(transactions.chainId, chainId), eq(transactions.fromAddress, from), eq(transactions.nonce, nonce), inArray(transactions.status, ['PENDING', 'MINED', 'CONFIRMED'])));
}

/**
 * Applies `changes` only if the row is still as the caller read it (status, confirmations and
 * block): replicas tracking the same transaction then publish each change exactly once.
 */
export async function updateTransactionIf(
  db: Db,
  seen: Pick<TransactionRow, 'id' | 'status' | 'confirmations' | 'blockHash'>,
  changes: Partial<TransactionRow>,
): Promise<TransactionRow | null> {
  const [row] = await db
    .update(transactions)
    .set(changes)
    .where(
      and(
        eq(transactions.id, seen.id),
        eq(transactions.status, seen.status as TransactionStatus),
        eq(transactions.confirmations, seen.confirmations),
        seen.blockHash === null ? sql`${transactions.blockHash} is null` : eq(transactions.blockHash, seen.blockHash),
      ),
    )
    .returning();
  return row ?? null;
}

export interface AddressTransaction {
  address: string;
  transaction: TransactionRow;
}

/** A page of each address's transactions, newest first, for every address at once (one statement). */
export async function findTransactionPages(db: Db, chainId: number, addresses: readonly string[], query: PageQuery): Promise<AddressTransaction[]> {
  const after = query.after;
  const ranked = db
    .select({
      address: addressTransactions.address,
      transactionId: addressTransactions.transactionId,
      createdAt: addressTransactions.createdAt,
      rank: sql<number>`row_number() over (partition by ${addressTransactions.address} order by ${addressTransactions.createdAt} desc, ${addressTransactions.transactionId} desc)`.as('rank'),
    })
    .from(addressTransactions)
    .where(
      and(
        eq(addressTransactions.chainId, chainId),
        inArray(addressTransactions.address, [...addresses]),
        after
          ? or(
              lt(addressTransactions.createdAt, new Date(after.createdAt)),
              and(eq(addressTransactions.createdAt, new Date(after.createdAt)), lt(addressTransactions.transactionId, after.id)),
            )
          : undefined,
      ),
    )
    .as('ranked');
  return db
    .select({ address: ranked.address, transaction: transactions })
    .from(ranked)
    .innerJoin(transactions, eq(transactions.id, ranked.transactionId))
    .where(sql`${ranked.rank} <= ${query.limit + 1}`)
    .orderBy(desc(ranked.createdAt), desc(ranked.transactionId));
}
