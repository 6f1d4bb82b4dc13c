import { z } from 'zod';
import { ConflictError, decodeCursor, pageSize, refreshLoaders, toConnection, uuidv7, validate, written, type Connection, type PageArgs } from '@mosaic/kit';
import type { Context } from '../context';
import { countExpenseAccountsOf, insertExpenseAccount } from '../data/expense-account-repo';
import type { ExpenseAccountRow } from '../data/tables';

const createInput = z.object({ name: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters') });

/** Adds a expenseAccount for the caller; refused once they hold the configured maximum. */
export async function createExpenseAccount(ctx: Pick<Context, 'auth' | 'db' | 'loaders' | 'now' | 'settings'>, input: unknown): Promise<ExpenseAccountRow> {
  const ownerId = ctx.auth.require('expenses:write').userId;
  const { name } = validate(createInput, input);
  if ((await countExpenseAccountsOf(ctx.db, ownerId)) >= ctx.settings.maxPerUser) {
    throw new ConflictError(`You already have ${ctx.settings.maxPerUser} expenseAccounts, the most one account may keep.`);
  }
  const now = ctx.now();
  const row = await insertExpenseAccount(ctx.db, { id: uuidv7(now.getTime()), ownerId, name, createdAt: now });
  refreshLoaders(ctx.loaders, written(ctx.loaders.expenseAccountById, row.id, row));
  return row;
}

/** The caller's expenseAccount, or null: someone else's looks exactly like a missing one. */
export async function findOwnExpenseAccount(ctx: Pick<Context, 'auth' | 'loaders'>, id: string): Promise<ExpenseAccountRow | null> {
  const viewer = ctx.auth.require('expenses:read');
  const row = await ctx.loaders.expenseAccountById.load(id);
  return row?.ownerId === viewer.userId ? row : null;
}

const cursorKey = (row: ExpenseAccountRow) => [row.createdAt.toISOString(), row.id] as const;

/** `User.expenseAccounts`: the owner's own, or anyone's for admins; batched across users by the loader. */
export async function listExpenseAccounts(ctx: Pick<Context, 'auth' | 'loaders'>, ownerId: string, args: PageArgs): Promise<Connection<ExpenseAccountRow>> {
  ctx.auth.require('expenses:read');
  ctx.auth.requireOwnerOrAdmin(ownerId, 'expenseAccounts');
  const limit = pageSize(args.first);
  const [createdAt, id] = args.after ? (decodeCursor(args.after, 2) as [string, string]) : [null, null];
  const after = createdAt && id ? { createdAt, id } : null;
  const rows = await ctx.loaders.expenseAccountPage.load({ parentId: ownerId, query: { limit, after } });
  for (const row of rows) ctx.loaders.expenseAccountById.prime(row.id, row);
  return toConnection(rows, limit, cursorKey, args.after);
}
