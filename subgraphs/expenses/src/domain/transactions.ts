import { z } from 'zod';
import { decodeCursor, decodeId, pageSize, refreshLoaders, toConnection, uuidv7, validate, written, type Connection, type PageArgs } from '@mosaic/kit';
import type { Context } from '../context';
import type { TransactionRow } from '../data/tables';
import type { TransactionQuery } from '../data/transaction-filters';
import { deleteTransactionRow, setReceipt, findTransactionPage, insertTransactionWithSplits, lockOwnTransaction, replaceTransaction } from '../data/transactions-repo';
import { raiseCrossedThresholds } from './budgets';
import { ownCategories } from './categories';
import { dayInput } from './days';
import { memoised } from './fx/rate-book';
import { prepareTransaction, type Books } from './prepare-transaction';
import { baseCurrencyOf } from './settings';
import { transactionInput } from './transaction-input';

type WriteContext = Pick<Context, 'auth' | 'db' | 'loaders' | 'now' | 'rates' | 'events'>;

/** The owner's base currency and categories, and a rate book memoised for one operation. */
export async function booksOf(ctx: Pick<Context, 'auth' | 'db' | 'loaders' | 'rates'>, ownerId: string): Promise<Books> {
  const [baseCurrency, categories] = await Promise.all([baseCurrencyOf(ctx, ownerId), ownCategories(ctx)]);
  return { ownerId, baseCurrency, categories: new Map(categories.map((row) => [row.id, row])), rates: memoised(ctx.rates) };
}

export async function createTransaction(ctx: WriteContext, input: unknown): Promise<TransactionRow> {
  const ownerId = ctx.auth.require('expenses:write').userId;
  const values = validate(transactionInput, input);
  const now = ctx.now();
  const { row, splits } = await prepareTransaction(ctx, await booksOf(ctx, ownerId), values, { id: uuidv7(now.getTime()), createdAt: now });
  const saved = await ctx.db.transaction(async (tx) => {
    const inserted = await insertTransactionWithSplits(tx, row, splits);
    if (inserted.kind === 'expense') await raiseCrossedThresholds(ctx, tx, ownerId, [inserted.occurredOn]);
    return inserted;
  });
  refreshLoaders(ctx.loaders, written(ctx.loaders.transactionById, saved.id, saved));
  return saved;
}

export async function updateTransaction(ctx: WriteContext, id: string, input: unknown): Promise<TransactionRow | null> {
  const ownerId = ctx.auth.require('expenses:write').userId;
  const values = validate(transactionInput, input);
  const current = await findOwnTransaction(ctx, id);
  if (!current) return null;
  const { row, splits } = await prepareTransaction(ctx, await booksOf(ctx, ownerId), values, { id, createdAt: current.createdAt });
  const saved = await ctx.db.transaction(async (tx) => {
    if (!(await lockOwnTransaction(tx, ownerId, id))) return null;
    const updated = await replaceTransaction(tx, { ...row, importFingerprint: current.importFingerprint, recurringId: current.recurringId, receiptFileId: current.receiptFileId }, splits);
    if (updated.kind === 'expense') await raiseCrossedThresholds(ctx, tx, ownerId, [updated.occurredOn]);
    return updated;
  });
  refreshLoaders(ctx.loaders, written(ctx.loaders.transactionById, id, saved));
  return saved;
}

export async function deleteTransaction(ctx: WriteContext, id: string): Promise<string | null> {
  const ownerId = ctx.auth.require('expenses:write').userId;
  const deleted = await ctx.db.transaction(async (tx) => {
    if (!(await lockOwnTransaction(tx, ownerId, id))) return false;
    await deleteTransactionRow(tx, id);
    return true;
  });
  refreshLoaders(ctx.loaders, written(ctx.loaders.transactionById, id, null));
  return deleted ? id : null;
}

export async function findOwnTransaction(ctx: Pick<Context, 'auth' | 'loaders'>, id: string): Promise<TransactionRow | null> {
  const viewer = ctx.auth.require('expenses:read');
  const row = await ctx.loaders.transactionById.load(id);
  return row?.ownerId === viewer.userId ? row : null;
}

const filterInput = z
  .object({
    from: dayInput.nullish(),
    to: dayInput.nullish(),
    accountId: z.string().nullish(),
    categoryId: z.string().nullish(),
    kind: z.enum(['INCOME', 'EXPENSE', 'TRANSFER']).nullish(),
    search: z.string().trim().max(200, 'must be at most 200 characters').nullish(),
    tags: z.array(z.string().trim().toLowerCase()).max(20, 'at most 20 tags').nullish(),
  })
  .nullish()
  .refine((f) => !f?.from || !f.to || f.from <= f.to, { message: '"from" must not be after "to"', path: ['from'] });

/** A `TransactionFilter` decoded: raw ids, lower-case kind and tags. */
export function decodeFilter(input: unknown): TransactionQuery {
  const filter = validate(filterInput, input, 'filter') ?? {};
  return {
    from: filter.from ?? undefined,
    to: filter.to ?? undefined,
    accountId: filter.accountId ? decodeId('MoneyAccount', filter.accountId, 'filter.accountId') : undefined,
    categoryId: filter.categoryId ? decodeId('ExpenseCategory', filter.categoryId, 'filter.categoryId') : undefined,
    kind: filter.kind ? (filter.kind.toLowerCase() as TransactionQuery['kind']) : undefined,
    search: filter.search || undefined,
    tags: filter.tags?.length ? filter.tags : undefined,
  };
}

export type TransactionPage = Connection<TransactionRow> & { ownerId: string; filter: TransactionQuery };

const cursorKey = (row: TransactionRow) => [row.occurredOn, row.id] as const;

export async function listTransactions(ctx: Pick<Context, 'auth' | 'db' | 'loaders'>, filterArg: unknown, args: PageArgs): Promise<TransactionPage> {
  const ownerId = ctx.auth.require('expenses:read').userId;
  const filter = decodeFilter(filterArg);
  const limit = pageSize(args.first);
  const [occurredOn, id] = args.after ? (decodeCursor(args.after, 2) as [string, string]) : [null, null];
  const rows = await findTransactionPage(ctx.db, ownerId, filter, { limit, after: occurredOn && id ? { occurredOn, id } : null });
  for (const row of rows) ctx.loaders.transactionById.prime(row.id, row);
  return { ...toConnection(rows, limit, cursorKey, args.after), ownerId, filter };
}

/**
 * Attaches a receipt by the file's id. Whether the caller may read the file is the files
 * subgraph's decision when `receipt` is resolved (another user's file stays unreadable to them);
 * here only the transaction must be theirs.
 */
export async function attachReceipt(ctx: Pick<Context, 'auth' | 'db' | 'loaders'>, transactionId: string, fileId: string | null): Promise<TransactionRow | null> {
  const ownerId = ctx.auth.require('expenses:write').userId;
  const saved = await setReceipt(ctx.db, ownerId, transactionId, fileId);
  refreshLoaders(ctx.loaders, written(ctx.loaders.transactionById, transactionId, saved));
  return saved;
}
