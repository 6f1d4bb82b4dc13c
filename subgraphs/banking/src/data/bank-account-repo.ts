import { and, count, desc, eq, inArray, lt, or, sql } from 'drizzle-orm';
import type { Db } from '@mosaic/kit';
import { bankAccounts, type BankAccountRow } from './tables';

/** A page of each owner's bankAccounts, newest first; `after` is the (createdAt, id) of the last row seen. */
export interface BankAccountPageQuery {
  /** Rows per owner; one more is fetched to tell whether another page exists. */
  limit: number;
  after: { createdAt: string; id: string } | null;
}

export async function insertBankAccount(db: Db, row: BankAccountRow): Promise<BankAccountRow> {
  const [inserted] = await db.insert(bankAccounts).values(row).returning();
  return inserted!;
}

export function findBankAccountsByIds(db: Db, ids: readonly string[]): Promise<BankAccountRow[]> {
  return db.select().from(bankAccounts).where(inArray(bankAccounts.id, [...ids]));
}

/** Every row of one owner (their account was deleted); returns how many went. */
export async function deleteBankAccountsOf(db: Db, ownerId: string): Promise<number> {
  return (await db.delete(bankAccounts).where(eq(bankAccounts.ownerId, ownerId)).returning({ id: bankAccounts.id })).length;
}

export async function countBankAccountsOf(db: Db, ownerId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(bankAccounts).where(eq(bankAccounts.ownerId, ownerId));
  return row!.n;
}

/** One statement for every owner asked for: rank rows within each owner, keep each owner's first page. */
export async function findBankAccountPages(db: Db, ownerIds: readonly string[], query: BankAccountPageQuery): Promise<BankAccountRow[]> {
  const after = query.after;
  const ranked = db
    .select({
      id: bankAccounts.id,
      ownerId: bankAccounts.ownerId,
      name: bankAccounts.name,
      createdAt: bankAccounts.createdAt,
      rank: sql<number>`row_number() over (partition by ${bankAccounts.ownerId} order by ${bankAccounts.createdAt} desc, ${bankAccounts.id} desc)`.as('rank'),
    })
    .from(bankAccounts)
    .where(
      and(
        inArray(bankAccounts.ownerId, [...ownerIds]),
        after ? or(lt(bankAccounts.createdAt, new Date(after.createdAt)), and(eq(bankAccounts.createdAt, new Date(after.createdAt)), lt(bankAccounts.id, after.id))) : undefined,
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
