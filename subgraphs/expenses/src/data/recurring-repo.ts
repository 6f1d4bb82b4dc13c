import { and, asc, eq, inArray, isNotNull, lte, notInArray } from 'drizzle-orm';
import type { Db } from '@mosaic/kit';
import { recurringTransactions, type RecurringTransactionRow } from './tables';

export async function insertRecurring(db: Db, row: RecurringTransactionRow): Promise<RecurringTransactionRow> {
  const [inserted] = await db.insert(recurringTransactions).values(row).returning();
  return inserted!;
}

export async function deleteRecurringRow(db: Db, id: string): Promise<void> {
  await db.delete(recurringTransactions).where(eq(recurringTransactions.id, id));
}

export function findRecurringOfOwners(db: Db, ownerIds: readonly string[]): Promise<RecurringTransactionRow[]> {
  return db.select().from(recurringTransactions).where(inArray(recurringTransactions.ownerId, [...ownerIds])).orderBy(asc(recurringTransactions.createdAt), asc(recurringTransactions.id));
}

/** A series with an occurrence due by `today` (not one of `skip`), locked for this job run: replicas take different ones. */
export function lockDueSeries(tx: Db, today: string, skip: readonly string[]): Promise<RecurringTransactionRow[]> {
  return tx
    .select()
    .from(recurringTransactions)
    .where(and(isNotNull(recurringTransactions.nextOn), lte(recurringTransactions.nextOn, today), skip.length ? notInArray(recurringTransactions.id, [...skip]) : undefined))
    .orderBy(asc(recurringTransactions.nextOn))
    .limit(1)
    .for('update', { skipLocked: true });
}

export async function setNextOn(tx: Db, id: string, nextOn: string | null): Promise<void> {
  await tx.update(recurringTransactions).set({ nextOn }).where(eq(recurringTransactions.id, id));
}
