import { decodeCursor, ForbiddenError, pageSize, toConnection, UserInputError, type Connection, type PageArgs } from '@mosaic/kit';
import type { Context } from '../context';
import { balanceBefore, findPostingsBetween, searchPostings, totalPostings, type CurrencyTotalsRow, type PostingSearchFilter } from '../data/postings-repo';
import { findAccountsOf } from '../data/accounts-repo';
import type { BankAccountRow, PostingRow } from '../data/tables';
import { findAccountByNumber } from './accounts';

type QueryContext = Pick<Context, 'auth' | 'db' | 'loaders' | 'settings' | 'secrets'>;

const seqCursor = (row: PostingRow) => [row.seq] as const;

/** `BankAccount.postings`: newest first by the account's own order; batched across accounts. */
export async function accountHistory(ctx: Pick<Context, 'loaders'>, account: BankAccountRow, args: PageArgs): Promise<Connection<PostingRow>> {
  const limit = pageSize(args.first);
  const beforeSeq = args.after ? Number(decodeCursor(args.after, 1)[0]) : null;
  const rows = await ctx.loaders.postingPage.load({ parentId: account.id, query: { limit, beforeSeq } });
  return toConnection(rows, limit, seqCursor, args.after);
}

export interface Statement {
  account: BankAccountRow;
  from: Date;
  to: Date;
  openingBalance: bigint;
  closingBalance: bigint;
  totalDebits: bigint;
  totalCredits: bigint;
  postings: PostingRow[];
}

/** Every posting in [from, to), oldest first, with the running balance before and after the period. */
export async function statementOf(ctx: QueryContext, account: BankAccountRow, from: Date, to: Date): Promise<Statement> {
  if (!(from < to)) throw new UserInputError('to must be after from.', 'to');
  const max = ctx.settings.statementMaxPostings;
  const [opening, postings] = await Promise.all([balanceBefore(ctx.db, account.id, from), findPostingsBetween(ctx.db, account.id, from, to, max + 1)]);
  if (postings.length > max) throw new UserInputError(`This period has more than ${max} postings; ask for a shorter one.`, 'to');
  const debits = postings.reduce((sum, p) => (p.amount < 0n ? sum - p.amount : sum), 0n);
  const credits = postings.reduce((sum, p) => (p.amount > 0n ? sum + p.amount : sum), 0n);
  return { account, from, to, openingBalance: opening, closingBalance: postings.at(-1)?.balanceAfter ?? opening, totalDebits: debits, totalCredits: credits, postings };
}

export interface PostingSearchArgs {
  accountIds: string[] | null;
  minAmount: bigint | null;
  maxAmount: bigint | null;
  direction: 'DEBIT' | 'CREDIT' | null;
  from: Date | null;
  to: Date | null;
  counterpartyAccountNumber: string | null;
}

export interface PostingSearch {
  postings: Connection<PostingRow>;
  totals: CurrencyTotalsRow[];
}

/**
 * Ad-hoc ledger queries: postings of the caller's accounts (or any named ones, for admins) that
 * match every condition, newest first, with totals per currency over all matches.
 */
export async function searchLedger(ctx: QueryContext, filter: PostingSearchArgs, args: PageArgs): Promise<PostingSearch> {
  const viewer = ctx.auth.require('banking:read');
  const admin = ctx.auth.hasRole('admin');
  if (filter.minAmount !== null && filter.maxAmount !== null && filter.minAmount > filter.maxAmount) throw new UserInputError('filter.minAmount must not exceed filter.maxAmount.', 'filter.minAmount');
  let accountIds = filter.accountIds;
  if (accountIds === null) {
    accountIds = (await findAccountsOf(ctx.db, viewer.userId)).map((row) => row.id);
  } else if (!admin) {
    const rows = await ctx.loaders.accountById.loadMany(accountIds);
    if (rows.some((row) => !row || row instanceof Error || row.ownerId !== viewer.userId)) throw new ForbiddenError('You can only search your own accounts.');
  }
  let counterpartyAccountId: string | null = null;
  if (filter.counterpartyAccountNumber !== null) {
    const counterparty = await findAccountByNumber(ctx, filter.counterpartyAccountNumber, 'filter.counterpartyAccountNumber');
    // An unknown number matches nothing (a random uuid no posting has).
    counterpartyAccountId = counterparty?.id ?? '00000000-0000-0000-0000-000000000000';
  }
  const where: PostingSearchFilter = { ...filter, accountIds, counterpartyAccountId };
  const limit = pageSize(args.first);
  const after = args.after ? (decodeCursor(args.after, 2) as [string, string]) : null;
  const [rows, totals] = await Promise.all([searchPostings(ctx.db, where, limit, after ? { postedAt: new Date(after[0]), id: after[1] } : null), totalPostings(ctx.db, where)]);
  return { postings: toConnection(rows, limit, (row) => [row.postedAt.toISOString(), row.id], args.after), totals };
}

