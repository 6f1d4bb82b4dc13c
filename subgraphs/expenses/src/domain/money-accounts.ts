import { z } from 'zod';
import { ConflictError, decodeCursor, pageSize, refreshLoaders, toConnection, uuidv7, validate, written, type Connection, type PageArgs } from '@mosaic/kit';
import type { Context } from '../context';
import { accountHasTransactions, countMoneyAccountsOf, deleteMoneyAccountRow, insertMoneyAccount, updateMoneyAccountRow } from '../data/money-account-repo';
import type { MoneyAccountRow } from '../data/tables';
import { signedMoney } from './money';
import { supportedCurrency } from './settings';

const name = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
const kind = z.enum(['CASH', 'BANK', 'CARD']).transform((k) => k.toLowerCase() as MoneyAccountRow['kind']);
const createInput = z.object({ name, kind, currency: z.string(), openingBalance: signedMoney.nullish() });
const updateInput = z.object({ name: name.nullish(), kind: kind.nullish() });

type WriteContext = Pick<Context, 'auth' | 'db' | 'loaders' | 'now' | 'settings'>;

/** Adds an account for the caller; refused once they hold the configured maximum. */
export async function createMoneyAccount(ctx: WriteContext, input: unknown): Promise<MoneyAccountRow> {
  const ownerId = ctx.auth.require('expenses:write').userId;
  const values = validate(createInput, input);
  const currency = supportedCurrency(values.currency, 'input.currency');
  if ((await countMoneyAccountsOf(ctx.db, ownerId)) >= ctx.settings.maxAccountsPerUser) {
    throw new ConflictError(`You already have ${ctx.settings.maxAccountsPerUser} accounts, the most one user may keep.`);
  }
  const now = ctx.now();
  const row = await insertMoneyAccount(ctx.db, { id: uuidv7(now.getTime()), ownerId, name: values.name, kind: values.kind, currency, openingBalance: values.openingBalance ?? 0n, createdAt: now });
  refreshLoaders(ctx.loaders, written(ctx.loaders.moneyAccountById, row.id, row));
  return row;
}

/** Renames or re-kinds an account; the currency never changes (its transactions are in it). */
export async function updateMoneyAccount(ctx: WriteContext, id: string, input: unknown): Promise<MoneyAccountRow | null> {
  ctx.auth.require('expenses:write');
  const values = validate(updateInput, input);
  if (!(await findOwnMoneyAccount(ctx, id))) return null;
  const changes = { ...(values.name ? { name: values.name } : {}), ...(values.kind ? { kind: values.kind } : {}) };
  const row = Object.keys(changes).length > 0 ? await updateMoneyAccountRow(ctx.db, id, changes) : await ctx.loaders.moneyAccountById.load(id);
  refreshLoaders(ctx.loaders, written(ctx.loaders.moneyAccountById, id, row));
  return row;
}

export async function deleteMoneyAccount(ctx: WriteContext, id: string): Promise<string | null> {
  ctx.auth.require('expenses:write');
  if (!(await findOwnMoneyAccount(ctx, id))) return null;
  if (await accountHasTransactions(ctx.db, id)) throw new ConflictError('This account has transactions; delete them (or move them to another account) first.');
  await deleteMoneyAccountRow(ctx.db, id);
  refreshLoaders(ctx.loaders, written(ctx.loaders.moneyAccountById, id, null));
  return id;
}

/** The caller's account, or null: someone else's looks exactly like a missing one. */
export async function findOwnMoneyAccount(ctx: Pick<Context, 'auth' | 'loaders'>, id: string): Promise<MoneyAccountRow | null> {
  const viewer = ctx.auth.require('expenses:read');
  const row = await ctx.loaders.moneyAccountById.load(id);
  return row?.ownerId === viewer.userId ? row : null;
}

export async function balanceOf(ctx: Pick<Context, 'loaders'>, account: MoneyAccountRow): Promise<bigint> {
  return (await ctx.loaders.balanceOf.load(account.id))?.balance ?? account.openingBalance;
}

const cursorKey = (row: MoneyAccountRow) => [row.createdAt.toISOString(), row.id] as const;

/** `User.moneyAccounts`: the owner's own, or anyone's for admins; batched across users by the loader. */
export async function listMoneyAccounts(ctx: Pick<Context, 'auth' | 'loaders'>, ownerId: string, args: PageArgs): Promise<Connection<MoneyAccountRow>> {
  ctx.auth.require('expenses:read');
  ctx.auth.requireOwnerOrAdmin(ownerId, 'money accounts');
  const limit = pageSize(args.first);
  const [createdAt, id] = args.after ? (decodeCursor(args.after, 2) as [string, string]) : [null, null];
  const after = createdAt && id ? { createdAt, id } : null;
  const rows = await ctx.loaders.moneyAccountPage.load({ parentId: ownerId, query: { limit, after } });
  for (const row of rows) ctx.loaders.moneyAccountById.prime(row.id, row);
  return toConnection(rows, limit, cursorKey, args.after);
}
