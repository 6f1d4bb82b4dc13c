import { eq } from 'drizzle-orm';
import type { Db } from '@mosaic/kit';
import { budgets, categories, expenseSettings, moneyAccounts, recurringTransactions, rules, transactions } from './tables';

/** Everything one user stored (their account was deleted); splits, alerts go with their parents. Returns transactions removed. */
export async function deleteAllOf(db: Db, ownerId: string): Promise<number> {
  await db.delete(budgets).where(eq(budgets.ownerId, ownerId));
  await db.delete(rules).where(eq(rules.ownerId, ownerId));
  await db.delete(recurringTransactions).where(eq(recurringTransactions.ownerId, ownerId));
  const removed = (await db.delete(transactions).where(eq(transactions.ownerId, ownerId)).returning({ id: transactions.id })).length;
  await db.delete(categories).where(eq(categories.ownerId, ownerId));
  await db.delete(moneyAccounts).where(eq(moneyAccounts.ownerId, ownerId));
  await db.delete(expenseSettings).where(eq(expenseSettings.ownerId, ownerId));
  return removed;
}
