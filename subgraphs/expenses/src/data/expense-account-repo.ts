import { and, count, desc, eq, inArray, lt, or, sql } from 'drizzle-orm';
import type { Db } from '@mosaic/kit';
import { expenseAccounts, type ExpenseAccountRow } from './tables';

/** A page of each owner's expenseAccounts, newest first; `after` is the (createdAt, id) of the last row seen. */
export interface ExpenseAccountPageQuery {
  /** Rows per owner; one more is fetched to tell whether another page exists. */
  limit: number;
  after: { createdAt: string; id: string } | null;
}

export async function insertExpenseAccount(db: Db, row: ExpenseAccountRow): Promise<ExpenseAccountRow> {
  const [inserted] = await db.insert(expenseAccounts).values(row).returning();
  return inserted!;
}

export function findExpenseAccountsByIds(db: Db, ids: readonly string[]): Promise<ExpenseAccountRow[]> {
  return db.select().from(expenseAccounts).where(inArray(expenseAccounts.id, [...ids]));
}

/** Every row of one owner (their account was deleted); returns how many went. */
export async function deleteExpenseAccountsOf(db: Db, ownerId: string): Promise<number> {
  return (await db.delete(expenseAccounts).where(eq(expenseAccounts.ownerId, ownerId)).returning({ id: expenseAccounts.id })).length;
}

export async function countExpenseAccountsOf(db: Db, ownerId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(expenseAccounts).where(eq(expenseAccounts.ownerId, ownerId));
  return row!.n;
}

/** One statement for every owner asked for: rank rows within each owner, keep each owner's first page. */
export async function findExpenseAccountPages(db: Db, ownerIds: readonly string[], query: ExpenseAccountPageQuery): Promise<ExpenseAccountRow[]> {
  const after = query.after;
  const ranked = db
    .select({
      id: expenseAccounts.id,
      ownerId: expenseAccounts.ownerId,
      name: expenseAccounts.name,
      createdAt: expenseAccounts.createdAt,
      rank: sql<number>`row_number() over (partition by ${expenseAccounts.ownerId} order by ${expenseAccounts.createdAt} desc, ${expenseAccounts.id} desc)`.as('rank'),
    })
    .from(expenseAccounts)
    .where(
      and(
        inArray(expenseAccounts.ownerId, [...ownerIds]),
        after ? or(lt(expenseAccounts.createdAt, new Date(after.createdAt)), and(eq(expenseAccounts.createdAt, new Date(after.createdAt)), lt(expenseAccounts.id, after.id))) : undefined,
      ),
    )
    .as('ranked');
  const rows = await db
    .select({ id: ranked.id, ownerId: ranked.ownerId, name: ranked.name, createdAt: ranked.createdAt })
    .from(ranked)
    .where(sql`${ranked.rank} <= ${query.limit + 1}`)
    .orderBy(desc(ranked.createdAt), desc(ranked.id));
  return rows;
}
