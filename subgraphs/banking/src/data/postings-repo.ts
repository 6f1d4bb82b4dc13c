import { and, asc, desc, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@mosaic/kit';
import { postings, type PostingRow } from './tables';

export async function insertPostings(db: Db, rows: readonly PostingRow[]): Promise<void> {
  await db.insert(postings).values([...rows]);
}

/** A page of each account's postings, newest first; `beforeSeq` is the seq of the last one seen. */
export interface PostingPageQuery {
  limit: number;
  beforeSeq: number | null;
}

/** One statement for every account asked for. */
export async function findPostingPages(db: Db, accountIds: readonly string[], query: PostingPageQuery): Promise<PostingRow[]> {
  const ranked = db
    .select({ id: postings.id, rank: sql<number>`row_number() over (partition by ${postings.accountId} order by ${postings.seq} desc)`.as('rank') })
    .from(postings)
    .where(and(inArray(postings.accountId, [...accountIds]), query.beforeSeq === null ? undefined : lt(postings.seq, query.beforeSeq)))
    .as('ranked');
  const rows = await db
    .select({ posting: postings })
    .from(ranked)
    .innerJoin(postings, eq(postings.id, ranked.id))
    .where(sql`${ranked.rank} <= ${query.limit + 1}`)
    .orderBy(desc(postings.seq));
  return rows.map((row) => row.posting);
}

/** The balance after the account's last posting before `at` (0 when none). */
export async function balanceBefore(db: Db, accountId: string, at: Date): Promise<bigint> {
  const [row] = await db
    .select({ balance: postings.balanceAfter })
    .from(postings)
    .where(and(eq(postings.accountId, accountId), lt(postings.postedAt, at)))
    .orderBy(desc(postings.seq))
    .limit(1);
  return row?.balance ?? 0n;
}

export function findPostingsBetween(db: Db, accountId: string, from: Date, to: Date, limit: number): Promise<PostingRow[]> {
  return db
    .select()
    .from(postings)
    .where(and(eq(postings.accountId, accountId), gte(postings.postedAt, from), lt(postings.postedAt, to)))
    .orderBy(asc(postings.seq))
    .limit(limit);
}

export interface PostingSearchFilter {
  accountIds: readonly string[] | null;
  minAmount: bigint | null;
  maxAmount: bigint | null;
  direction: 'DEBIT' | 'CREDIT' | null;
  from: Date | null;
  to: Date | null;
  counterpartyAccountId: string | null;
}

function conditions(filter: PostingSearchFilter): SQL | undefined {
  return and(
    filter.accountIds ? inArray(postings.accountId, [...filter.accountIds]) : undefined,
    filter.minAmount !== null ? sql`abs(${postings.amount}) >= ${filter.minAmount.toString()}::bigint` : undefined,
    filter.maxAmount !== null ? sql`abs(${postings.amount}) <= ${filter.maxAmount.toString()}::bigint` : undefined,
    filter.direction === 'DEBIT' ? sql`${postings.amount} < 0` : filter.direction === 'CREDIT' ? sql`${postings.amount} > 0` : undefined,
    filter.from ? gte(postings.postedAt, filter.from) : undefined,
    filter.to ? lt(postings.postedAt, filter.to) : undefined,
    filter.counterpartyAccountId ? eq(postings.counterpartyAccountId, filter.counterpartyAccountId) : undefined,
  );
}

/** Matches newest first; `after` is the (postedAt, id) of the last one seen. */
export function searchPostings(db: Db, filter: PostingSearchFilter, limit: number, after: { postedAt: Date; id: string } | null): Promise<PostingRow[]> {
  return db
    .select()
    .from(postings)
    .where(and(conditions(filter), after ? sql`(${postings.postedAt}, ${postings.id}) < (${after.postedAt.toISOString()}::timestamptz, ${after.id}::uuid)` : undefined))
    .orderBy(desc(postings.postedAt), desc(postings.id))
    .limit(limit + 1);
}

export interface CurrencyTotalsRow {
  currency: string;
  count: number;
  debits: bigint;
  credits: bigint;
}

export async function totalPostings(db: Db, filter: PostingSearchFilter): Promise<CurrencyTotalsRow[]> {
  const rows = await db
    .select({
      currency: postings.currency,
      count: sql<number>`count(*)::int`,
      debits: sql<string>`coalesce(sum(-${postings.amount}) filter (where ${postings.amount} < 0), 0)::text`,
      credits: sql<string>`coalesce(sum(${postings.amount}) filter (where ${postings.amount} > 0), 0)::text`,
    })
    .from(postings)
    .where(conditions(filter))
    .groupBy(postings.currency)
    .orderBy(asc(postings.currency));
  return rows.map((row) => ({ currency: row.currency, count: Number(row.count), debits: BigInt(row.debits), credits: BigInt(row.credits) }));
}
