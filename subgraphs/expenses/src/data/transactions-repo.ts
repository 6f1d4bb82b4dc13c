import { and, asc, count, desc, eq, inArray, lt, or } from 'drizzle-orm';
import type { Db } from '@mosaic/kit';
import { transactionConditions, type TransactionQuery } from './transaction-filters';
import { transactions, transactionSplits, type TransactionRow, type TransactionSplitRow } from './tables';

export interface TransactionPageQuery {
  limit: number;
  after: { occurredOn: string; id: string } | null;
}

/** A transaction and its splits, in the caller's transaction. */
export async function insertTransactionWithSplits(tx: Db, row: TransactionRow, splits: readonly TransactionSplitRow[]): Promise<TransactionRow> {
  const [inserted] = await tx.insert(transactions).values(row).returning();
  if (splits.length > 0) await tx.insert(transactionSplits).values([...splits]);
  return inserted!;
}

/** Many transactions with their splits in two statements (an import). */
export async function insertTransactionsWithSplits(tx: Db, rows: readonly TransactionRow[], splits: readonly TransactionSplitRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1_000) await tx.insert(transactions).values(rows.slice(i, i + 1_000));
  for (let i = 0; i < splits.length; i += 1_000) await tx.insert(transactionSplits).values(splits.slice(i, i + 1_000));
}

/** Replaces every field and split of a transaction. */
export async function replaceTransaction(tx: Db, row: TransactionRow, splits: readonly TransactionSplitRow[]): Promise<TransactionRow> {
  const { id, ownerId: _owner, createdAt: _created, ...fields } = row;
  const [updated] = await tx.update(transactions).set(fields).where(eq(transactions.id, id)).returning();
  await tx.delete(transactionSplits).where(eq(transactionSplits.transactionId, id));
  if (splits.length > 0) await tx.insert(transactionSplits).values([...splits]);
  return updated!;
}

export async function deleteTransactionRow(tx: Db, id: string): Promise<void> {
  await tx.delete(transactions).where(eq(transactions.id, id));
}

/** The row, locked for an update in the caller's transaction. */
export async function lockOwnTransaction(tx: Db, ownerId: string, id: string): Promise<TransactionRow | null> {
  const [row] = await tx
    .select()
    .from(transactions)
    .where(and(eq(transactions.id, id), eq(transactions.ownerId, ownerId)))
    .for('update');
  return row ?? null;
}

export function findTransactionsByIds(db: Db, ids: readonly string[]): Promise<TransactionRow[]> {
  return db.select().from(transactions).where(inArray(transactions.id, [...ids]));
}

export function findSplitsOfTransactions(db: Db, transactionIds: readonly string[]): Promise<TransactionSplitRow[]> {
  return db
    .select()
    .from(transactionSplits)
    .where(inArray(transactionSplits.transactionId, [...transactionIds]))
    .orderBy(asc(transactionSplits.transactionId), asc(transactionSplits.position));
}

/** Newest day first, then newest entered first (ids are time-ordered): a stable keyset. */
export function findTransactionPage(db: Db, ownerId: string, filter: TransactionQuery, page: TransactionPageQuery): Promise<TransactionRow[]> {
  const after = page.after;
  return db
    .select()
    .from(transactions)
    .where(
      and(
        transactionConditions(ownerId, filter),
        after ? or(lt(transactions.occurredOn, after.occurredOn), and(eq(transactions.occurredOn, after.occurredOn), lt(transactions.id, after.id))) : undefined,
      ),
    )
    .orderBy(desc(transactions.occurredOn), desc(transactions.id))
    .limit(page.limit + 1);
}

export async function countTransactions(db: Db, ownerId: string, filter: TransactionQuery): Promise<number> {
  const [row] = await db.select({ n: count() }).from(transactions).where(transactionConditions(ownerId, filter));
  return row!.n;
}

/** Import fingerprints of an account already stored, among `fingerprints`. */
export async function findExistingFingerprints(db: Db, accountId: string, fingerprints: readonly string[]): Promise<Set<string>> {
  if (fingerprints.length === 0) return new Set();
  const rows = await db
    .select({ fingerprint: transactions.importFingerprint })
    .from(transactions)
    .where(and(eq(transactions.accountId, accountId), inArray(transactions.importFingerprint, [...fingerprints])));
  return new Set(rows.map((row) => row.fingerprint!));
}

/** Every transaction of an owner (re-conversion into a new base currency). */
export function findAllOf(db: Db, ownerId: string) {
  return db.select({ id: transactions.id, currency: transactions.currency, amount: transactions.amount, occurredOn: transactions.occurredOn }).from(transactions).where(eq(transactions.ownerId, ownerId));
}


/** Sets (or clears) the receipt of one of the owner's transactions; null when there is none. */
export async function setReceipt(db: Db, ownerId: string, id: string, fileId: string | null): Promise<TransactionRow | null> {
  const [row] = await db.update(transactions).set({ receiptFileId: fileId }).where(and(eq(transactions.id, id), eq(transactions.ownerId, ownerId))).returning();
  return row ?? null;
}
