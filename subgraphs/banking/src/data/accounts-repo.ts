import { and, asc, count, desc, eq, inArray, isNotNull, lt, ne, or, sql } from 'drizzle-orm';
import type { Db } from '@mosaic/kit';
import { bankAccounts, type BankAccountRow } from './tables';

/** A page of each owner's accounts, newest first; `after` is the (createdAt, id) of the last row seen. */
export interface AccountPageQuery {
  limit: number;
  after: { createdAt: string; id: string } | null;
}

export async function insertAccount(db: Db, row: BankAccountRow): Promise<BankAccountRow> {
  const [inserted] = await db.insert(bankAccounts).values(row).returning();
  return inserted!;
}

/** A house account is created once per (kind, currency); a racing creator's insert is a no-op. */
export async function insertAccountIfAbsent(db: Db, row: BankAccountRow): Promise<void> {
  await db.insert(bankAccounts).values(row).onConflictDoNothing({ target: bankAccounts.id });
}

export function findAccountsByIds(db: Db, ids: readonly string[]): Promise<BankAccountRow[]> {
  return db.select().from(bankAccounts).where(inArray(bankAccounts.id, [...ids]));
}

export async function findAccountByNumberHash(db: Db, hashes: readonly string[]): Promise<BankAccountRow | null> {
  const [row] = await db.select().from(bankAccounts).where(inArray(bankAccounts.numberHash, [...hashes])).limit(1);
  return row ?? null;
}

/**
 * Locks the accounts a transfer touches, always in id order: two transfers over the same accounts
 * take their locks in the same order, so they queue instead of deadlocking.
 */
export async function lockAccounts(db: Db, ids: readonly string[]): Promise<Map<string, BankAccountRow>> {
  const rows = await db.select().from(bankAccounts).where(inArray(bankAccounts.id, [...ids])).orderBy(asc(bankAccounts.id)).for('update');
  return new Map(rows.map((row) => [row.id, row]));
}

export interface BalanceChange {
  accountId: string;
  balance: bigint;
  held: bigint;
  postings: number;
}

/** Applies every account's change of one transfer in one statement (the rows are locked). */
export async function applyBalanceChanges(db: Db, changes: readonly BalanceChange[]): Promise<void> {
  const values = sql.join(
    changes.map((c) => sql`(${c.accountId}::uuid, ${c.balance.toString()}::bigint, ${c.held.toString()}::bigint, ${c.postings}::bigint)`),
    sql`, `,
  );
  await db.execute(sql`
    update ${bankAccounts} as a
    set balance = a.balance + v.balance, held = a.held + v.held, posting_count = a.posting_count + v.postings
    from (values ${values}) as v(id, balance, held, postings)
    where a.id = v.id`);
}

export async function updateAccount(db: Db, id: string, changes: Partial<Pick<BankAccountRow, 'status' | 'closedAt' | 'overdraftLimit' | 'holderSealed'>>): Promise<BankAccountRow> {
  const [row] = await db.update(bankAccounts).set(changes).where(eq(bankAccounts.id, id)).returning();
  return row!;
}

export async function countOpenAccountsOf(db: Db, ownerId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(bankAccounts).where(and(eq(bankAccounts.ownerId, ownerId), ne(bankAccounts.status, 'CLOSED')));
  return row!.n;
}

export function findAccountsOf(db: Db, ownerId: string): Promise<BankAccountRow[]> {
  return db.select().from(bankAccounts).where(eq(bankAccounts.ownerId, ownerId)).orderBy(asc(bankAccounts.createdAt));
}

/** Records whose sealed fields' data keys are wrapped by another KEK than the active one. */
export function findAccountsToRewrap(db: Db, activeKeyId: string, limit: number): Promise<BankAccountRow[]> {
  return db.select().from(bankAccounts).where(and(ne(bankAccounts.keyId, activeKeyId), isNotNull(bankAccounts.numberSealed))).limit(limit);
}

export async function saveRewrapped(db: Db, row: BankAccountRow, sealed: { number: string; holder: string | null }, keyId: string, numberHash: string): Promise<boolean> {
  const updated = await db
    .update(bankAccounts)
    .set({ numberSealed: sealed.number, holderSealed: sealed.holder, keyId, numberHash })
    .where(and(eq(bankAccounts.id, row.id), eq(bankAccounts.keyId, row.keyId)))
    .returning({ id: bankAccounts.id });
  return updated.length === 1;
}

/** One statement for every owner asked for: rank rows within each owner, keep each owner's first page. */
export async function findAccountPages(db: Db, ownerIds: readonly string[], query: AccountPageQuery): Promise<BankAccountRow[]> {
  const after = query.after;
  const ranked = db
    .select({
      id: bankAccounts.id,
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
    .select({ account: bankAccounts })
    .from(ranked)
    .innerJoin(bankAccounts, eq(bankAccounts.id, ranked.id))
    .where(sql`${ranked.rank} <= ${query.limit + 1}`)
    .orderBy(desc(bankAccounts.createdAt), desc(bankAccounts.id));
  return rows.map((row) => row.account);
}
