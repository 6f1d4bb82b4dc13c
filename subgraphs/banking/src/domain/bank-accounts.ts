import { z } from 'zod';
import { ConflictError, decodeCursor, pageSize, refreshLoaders, toConnection, uuidv7, validate, written, type Connection, type PageArgs } from '@mosaic/kit';
import type { Context } from '../context';
import { countBankAccountsOf, insertBankAccount } from '../data/bank-account-repo';
import type { BankAccountRow } from '../data/tables';

const createInput = z.object({ name: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters') });

/** Adds a bankAccount for the caller; refused once they hold the configured maximum. */
export async function createBankAccount(ctx: Pick<Context, 'auth' | 'db' | 'loaders' | 'now' | 'settings'>, input: unknown): Promise<BankAccountRow> {
  const ownerId = ctx.auth.require('banking:write').userId;
  const { name } = validate(createInput, input);
  if ((await countBankAccountsOf(ctx.db, ownerId)) >= ctx.settings.maxPerUser) {
    throw new ConflictError(`You already have ${ctx.settings.maxPerUser} bankAccounts, the most one account may keep.`);
  }
  const now = ctx.now();
  const row = await insertBankAccount(ctx.db, { id: uuidv7(now.getTime()), ownerId, name, createdAt: now });
  refreshLoaders(ctx.loaders, written(ctx.loaders.bankAccountById, row.id, row));
  return row;
}

/** The caller's bankAccount, or null: someone else's looks exactly like a missing one. */
export async function findOwnBankAccount(ctx: Pick<Context, 'auth' | 'loaders'>, id: string): Promise<BankAccountRow | null> {
  const viewer = ctx.auth.require('banking:read');
  const row = await ctx.loaders.bankAccountById.load(id);
  return row?.ownerId === viewer.userId ? row : null;
}

const cursorKey = (row: BankAccountRow) => [row.createdAt.toISOString(), row.id] as const;

/** `User.bankAccounts`: the owner's own, or anyone's for admins; batched across users by the loader. */
export async function listBankAccounts(ctx: Pick<Context, 'auth' | 'loaders'>, ownerId: string, args: PageArgs): Promise<Connection<BankAccountRow>> {
  ctx.auth.require('banking:read');
  ctx.auth.requireOwnerOrAdmin(ownerId, 'bankAccounts');
  const limit = pageSize(args.first);
  const [createdAt, id] = args.after ? (decodeCursor(args.after, 2) as [string, string]) : [null, null];
  const after = createdAt && id ? { createdAt, id } : null;
  const rows = await ctx.loaders.bankAccountPage.load({ parentId: ownerId, query: { limit, after } });
  for (const row of rows) ctx.loaders.bankAccountById.prime(row.id, row);
  return toConnection(rows, limit, cursorKey, args.after);
}
