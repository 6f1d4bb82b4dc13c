import { and, count, desc, eq, inArray, lt, or, sql } from 'drizzle-orm';
import type { Db } from '@mosaic/kit';
import { selectRows } from './raw-rows';
import { moneyAccounts, transactions, type MoneyAccountRow } from './tables';

/** A page of each owner's accounts, newest first; `after` is the (createdAt, id) of the last row seen. */
export interface MoneyAccountPageQuery {
  /** Rows per owner; one more is fetched to tell whether another page exists. */
  limit: number;
  after: { createdAt: string; id: string } | null;
}

export async function insertMoneyAccount(db: Db, row: MoneyAccountRow): Promise<MoneyAccountRow> {
  const [inserted] = await db.insert(moneyAccounts).values(row).returning();
  return inserted!;
}

export async function updateMoneyAccountRow(db: Db, id: string, changes: Partial<Pick<MoneyAccountRow, 'name' | 'kind'>>): Promise<MoneyAccountRow | null> {
  const [updated] = await db.update(moneyAccounts).set(changes).where(eq(moneyAccounts.id, id)).returning();
  return updated ?? null;
}

export function findMoneyAccountsByIds(db: Db, ids: readonly string[]): Promise<MoneyAccountRow[]> {
  return db.select().from(moneyAccounts).where(inArray(moneyAccounts.id, [...ids]));
}

export async function countMoneyAccountsOf(db: Db, ownerId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(moneyAccounts).where(eq(moneyAccounts.ownerId, ownerId));
  return row!.n;
}

/** Whether any transaction books into or out of the account. */
export async function accountHasTransactions(db: Db, accountId: string): Promise<boolean> {
  const rows = await db
    .select({ id: transactions.id })
    .from(transactions)
    .where(or(eq(transactions.accountId, accountId), eq(transactions.toAccountId, accountId)))
    .limit(1);
  return rows.length > 0;
}

export async function deleteMoneyAccountRow(db: Db, id: string): Promise<void> {
  await db.delete(moneyAccounts).where(eq(moneyAccounts.id, id));
}

/**
 * Balances of many accounts in one statement: opening balance, income, minus expenses and
 * transfers out, plus transfers in (in the receiving account's currency).
 */
export async function findBalances(db: Db, ids: readonly string[]): Promise<{ id: string; balance: bigint }[]> {
  const rows = await selectRows<{ id: string; balance: string }>(
    db,
    sql`select a.id, (a.opening_balance + coalesce(out_.total, 0) + coalesce(in_.total, 0))::text as balance
      from ${moneyAccounts} a
      left join lateral (select sum(case when t.kind = 'income' then t.amount else -t.amount end) as total from ${transactions} t where t.account_id = a.id) out_ on true
      left join lateral (select sum(t.to_amount) as total from ${transactions} t where t.to_account_id = a.id) in_ on true
      where a.id in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})`,
  );
  return rows.map((row) => ({ id: row.id, balance: BigInt(row.balance) }));
}

/** One statement for every owner asked for: rank rows within each owner, keep each owner's first page. */
export async function findMoneyAccountPages(db: Db, ownerIds: readonly string[], query: MoneyAccountPageQuery): Promise<MoneyAccountRow[]> {
  const after = query.after;
  const ranked = db
    .select({
      id: moneyAccounts.id,
      ownerId: moneyAccounts.ownerId,
      name: moneyAccounts.name,
      kind: moneyAccounts.kind,
      currency: moneyAccounts.currency,
      openingBalance: moneyAccounts.openingBalance,
      createdAt: moneyAccounts.createdAt,
      rank: sql<number>`row_number() over (partition by ${moneyAccounts.ownerId} order by ${moneyAccounts.createdAt} desc, ${moneyAccounts.id} desc)`.as('rank'),
    })
    .from(moneyAccounts)
    .where(
      and(
        inArray(moneyAccounts.ownerId, [...ownerIds]),
        after ? or(lt(moneyAccounts.createdAt, new Date(after.createdAt)), and(eq(moneyAccounts.createdAt, new Date(after.createdAt)), lt(moneyAccounts.id, after.id))) : undefined,
      ),
    )
    .as('ranked');
  return db
    .select({ id: ranked.id, ownerId: ranked.ownerId, name: ranked.name, kind: ranked.kind, currency: ranked.currency, openingBalance: ranked.openingBalance, createdAt: ranked.createdAt })
    .from(ranked)
    .where(sql`${ranked.rank} <= ${query.limit + 1}`)
    .orderBy(desc(ranked.createdAt), desc(ranked.id));
}
