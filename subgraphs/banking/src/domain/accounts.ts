import { z } from 'zod';
import { ConflictError, decodeCursor, NotFoundError, UserInputError, pageSize, refreshLoaders, toConnection, uuidv7, validate, written, type Connection, type PageArgs } from '@mosaic/kit';
import type { Context } from '../context';
import { countOpenAccountsOf, findAccountByNumberHash, insertAccount, lockAccounts, updateAccount } from '../data/accounts-repo';
import type { BankAccountRow } from '../data/tables';
import { accountState, audit } from './audit';
import { formatAccountNumber, generateAccountNumber, maskAccountNumber, normaliseAccountNumber } from './account-numbers';
import { isHouse } from './ledger';
import { LedgerConflictError } from './ledger-errors';
import { CURRENCIES, currencyOf, MAX_AMOUNT } from './money';
import { accountNumberContext, holderContext, openText, type BankingSecrets } from './secrets';

type AccountContext = Pick<Context, 'auth' | 'db' | 'loaders' | 'now' | 'settings' | 'secrets'>;

const openInput = z.object({
  kind: z.enum(['CHECKING', 'SAVINGS']),
  currency: z.string().refine((code) => code.trim().toUpperCase() in CURRENCIES, { message: `must be one of ${Object.keys(CURRENCIES).join(', ')}` }),
  name: z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters'),
  holderName: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
});

/** Opens an account for the caller with a fresh number (sealed and hashed, never stored in the clear). */
export async function openAccount(ctx: AccountContext, input: unknown): Promise<BankAccountRow> {
  const ownerId = ctx.auth.require('banking:write').userId;
  const parsed = validate(openInput, input);
  if ((await countOpenAccountsOf(ctx.db, ownerId)) >= ctx.settings.maxAccountsPerUser) {
    throw new ConflictError(`You already have ${ctx.settings.maxAccountsPerUser} accounts open, the most one person may hold; close one first.`);
  }
  const now = ctx.now();
  const id = uuidv7(now.getTime());
  const row = await ctx.db.transaction(async (tx) => {
    for (;;) {
      const number = generateAccountNumber();
      // A clash of 15 random digits is rare; the unique hash index would refuse it, so look first.
      if (await findAccountByNumberHash(tx, ctx.secrets.lookup.candidates(number))) continue;
      const inserted = await insertAccount(tx, {
        id,
        ownerId,
        kind: parsed.kind,
        currency: currencyOf(parsed.currency, 'input.currency'),
        status: 'OPEN',
        name: parsed.name,
        overdraftLimit: 0n,
        balance: 0n,
        held: 0n,
        postingCount: 0,
        numberHash: ctx.secrets.lookup.hash(number),
        numberSealed: ctx.secrets.envelope.seal(number, accountNumberContext(id)),
        holderSealed: ctx.secrets.envelope.seal(parsed.holderName, holderContext(id)),
        keyId: ctx.secrets.envelope.activeKeyId,
        createdAt: now,
        closedAt: null,
      });
      await audit(tx, ownerId, now, [{ action: 'account.opened', entity: 'bank_account', entityId: id, before: null, after: accountState(inserted) }]);
      return inserted;
    }
  });
  refreshLoaders(ctx.loaders, written(ctx.loaders.accountById, row.id, row));
  return row;
}

/** The account when the caller owns it (or is an admin); null otherwise — someone else's looks missing. */
export async function findVisibleAccount(ctx: Pick<Context, 'auth' | 'loaders'>, id: string): Promise<BankAccountRow | null> {
  const viewer = ctx.auth.require('banking:read');
  const row = await ctx.loaders.accountById.load(id);
  if (!row || isHouse(row)) return null;
  return row.ownerId === viewer.userId || ctx.auth.hasRole('admin') ? row : null;
}

const cursorKey = (row: BankAccountRow) => [row.createdAt.toISOString(), row.id] as const;

/** `User.bankAccounts`: the owner's own, or anyone's for admins; batched across users by the loader. */
export async function listAccounts(ctx: Pick<Context, 'auth' | 'loaders'>, ownerId: string, args: PageArgs): Promise<Connection<BankAccountRow>> {
  ctx.auth.require('banking:read');
  ctx.auth.requireOwnerOrAdmin(ownerId, 'bank accounts');
  const limit = pageSize(args.first);
  const [createdAt, id] = args.after ? (decodeCursor(args.after, 2) as [string, string]) : [null, null];
  const after = createdAt && id ? { createdAt, id } : null;
  const rows = await ctx.loaders.accountPage.load({ parentId: ownerId, query: { limit, after } });
  for (const row of rows) ctx.loaders.accountById.prime(row.id, row);
  return toConnection(rows, limit, cursorKey, args.after);
}

export const accountNumberOf = (secrets: BankingSecrets, row: BankAccountRow) => openText(secrets, row.numberSealed, accountNumberContext(row.id));
export const displayNumberOf = (secrets: BankingSecrets, row: BankAccountRow) => formatAccountNumber(accountNumberOf(secrets, row));
export const maskedNumberOf = (secrets: BankingSecrets, row: BankAccountRow) => maskAccountNumber(accountNumberOf(secrets, row));
export const holderNameOf = (secrets: BankingSecrets, row: BankAccountRow) => (row.holderSealed === null ? null : openText(secrets, row.holderSealed, holderContext(row.id)));

/** An account by its number (any owner), or null; a malformed number is the caller's mistake. */
export async function findAccountByNumber(ctx: Pick<Context, 'db' | 'secrets'>, input: string, field: string): Promise<BankAccountRow | null> {
  const number = normaliseAccountNumber(input);
  if (!number) throw new UserInputError(`${field}: this is not a valid account number (16 digits; check for a typo).`, field);
  const row = await findAccountByNumberHash(ctx.db, ctx.secrets.lookup.candidates(number));
  return row && !isHouse(row) ? row : null;
}

type StateChange = 'close' | 'freeze' | 'unfreeze' | 'limit';
const AUDIT_ACTION: Record<StateChange, string> = { close: 'account.closed', freeze: 'account.frozen', unfreeze: 'account.unfrozen', limit: 'account.overdraft-changed' };

/** Changes an account's state under its row lock, with an audit entry (and account.frozen when frozen). */
async function changeAccount(
  ctx: Pick<Context, 'auth' | 'db' | 'loaders' | 'now' | 'events'>,
  id: string,
  what: StateChange,
  apply: (row: BankAccountRow) => Partial<Pick<BankAccountRow, 'status' | 'closedAt' | 'overdraftLimit'>>,
  reason?: string,
): Promise<BankAccountRow> {
  const actorId = ctx.auth.userId();
  const now = ctx.now();
  const row = await ctx.db.transaction(async (tx) => {
    const current = (await lockAccounts(tx, [id])).get(id);
    if (!current || isHouse(current) || (what === 'close' && current.ownerId !== actorId)) throw new NotFoundError('BankAccount', id);
    const updated = await updateAccount(tx, id, apply(current));
    await audit(tx, actorId, now, [{ action: AUDIT_ACTION[what], entity: 'bank_account', entityId: id, before: accountState(current), after: { ...accountState(updated), ...(reason ? { reason } : {}) } }]);
    if (what === 'freeze') await ctx.events.emit(tx, 'account.frozen', { accountId: id, ownerId: current.ownerId, reason: reason!, at: now.toISOString() }, { occurredAt: now });
    return updated;
  });
  refreshLoaders(ctx.loaders, written(ctx.loaders.accountById, row.id, row));
  return row;
}

/** The owner closes an account: only at a zero balance with nothing held (the money must go somewhere first). */
export function closeAccount(ctx: Pick<Context, 'auth' | 'db' | 'loaders' | 'now' | 'events'>, id: string): Promise<BankAccountRow> {
  ctx.auth.require('banking:write');
  return changeAccount(ctx, id, 'close', (row) => {
    if (row.status === 'CLOSED') throw new LedgerConflictError('This account is already closed.', 'ACCOUNT_CLOSED');
    if (row.status === 'FROZEN') throw new LedgerConflictError('A frozen account cannot be closed until the bank unfreezes it.', 'ACCOUNT_FROZEN');
    if (row.balance !== 0n || row.held !== 0n) throw new LedgerConflictError('Move the balance out (and settle pending transfers) before closing: the balance must be zero.', 'BALANCE_NOT_ZERO');
    return { status: 'CLOSED', closedAt: ctx.now() };
  });
}

export function freezeAccount(ctx: Pick<Context, 'auth' | 'db' | 'loaders' | 'now' | 'events'>, id: string, reason: string): Promise<BankAccountRow> {
  ctx.auth.require('banking:admin');
  ctx.auth.requireRole('admin');
  const why = reason.trim();
  if (!why || why.length > 500) throw new UserInputError('reason: say why, in 1 to 500 characters (it is kept in the audit trail).', 'reason');
  return changeAccount(
    ctx,
    id,
    'freeze',
    (row) => {
      if (row.status !== 'OPEN') throw new LedgerConflictError(`Only an open account can be frozen; this one is ${row.status.toLowerCase()}.`, row.status === 'CLOSED' ? 'ACCOUNT_CLOSED' : 'ACCOUNT_FROZEN');
      return { status: 'FROZEN' };
    },
    why,
  );
}

export function unfreezeAccount(ctx: Pick<Context, 'auth' | 'db' | 'loaders' | 'now' | 'events'>, id: string): Promise<BankAccountRow> {
  ctx.auth.require('banking:admin');
  ctx.auth.requireRole('admin');
  return changeAccount(ctx, id, 'unfreeze', (row) => {
    if (row.status !== 'FROZEN') throw new LedgerConflictError('This account is not frozen.', row.status === 'CLOSED' ? 'ACCOUNT_CLOSED' : 'ACCOUNT_FROZEN');
    return { status: 'OPEN' };
  });
}

export function setOverdraftLimit(ctx: Pick<Context, 'auth' | 'db' | 'loaders' | 'now' | 'events'>, id: string, limit: bigint): Promise<BankAccountRow> {
  ctx.auth.require('banking:admin');
  ctx.auth.requireRole('admin');
  if (limit < 0n || limit > MAX_AMOUNT) throw new UserInputError('limit: an overdraft limit is zero or a positive amount in minor units.', 'limit');
  return changeAccount(ctx, id, 'limit', (row) => {
    if (row.balance - row.held < -limit) throw new LedgerConflictError('The account is already overdrawn beyond this limit; bring it back first.', 'INSUFFICIENT_FUNDS');
    return { overdraftLimit: limit };
  });
}
