import { z } from 'zod';
import { ConflictError, refreshLoaders, requireRecentSecondFactor, uuidv7, validate, UserInputError } from '@mosaic/kit';
import type { Context } from '../context';
import { deletePayee, insertPayee } from '../data/payees-repo';
import type { PayeeRow } from '../data/tables';
import { audit } from './audit';
import { maskAccountNumber, normaliseAccountNumber } from './account-numbers';
import { openText, payeeNameContext, payeeNumberContext } from './secrets';

type PayeeContext = Pick<Context, 'auth' | 'viewer' | 'db' | 'loaders' | 'now' | 'settings' | 'secrets'>;

const payeeInput = z.object({ name: z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters'), accountNumber: z.string().max(64) });

/**
 * Saves a recipient: always behind a recent second factor (a stolen session must not be able to
 * add a thief's account and then send to it freely).
 */
export async function addPayee(ctx: PayeeContext, raw: unknown): Promise<PayeeRow> {
  const viewer = ctx.auth.require('banking:write');
  const input = validate(payeeInput, raw);
  const number = normaliseAccountNumber(input.accountNumber);
  if (!number) throw new UserInputError('input.accountNumber: this is not a valid account number (16 digits; check for a typo).', 'input.accountNumber');
  requireRecentSecondFactor(ctx.viewer, ctx.settings.stepUpMaxAgeSeconds, ctx.now());
  const now = ctx.now();
  const id = uuidv7(now.getTime());
  const row = await ctx.db.transaction(async (tx) => {
    const inserted = await insertPayee(tx, {
      id,
      ownerId: viewer.userId,
      nameSealed: ctx.secrets.envelope.seal(input.name, payeeNameContext(id)),
      numberSealed: ctx.secrets.envelope.seal(number, payeeNumberContext(id)),
      numberHash: ctx.secrets.lookup.hash(number),
      keyId: ctx.secrets.envelope.activeKeyId,
      createdAt: now,
    });
    if (!inserted) throw new ConflictError('This account number is already one of your payees.');
    await audit(tx, viewer.userId, now, [{ action: 'payee.added', entity: 'payee', entityId: id, before: null, after: { ownerId: viewer.userId } }]);
    return inserted;
  });
  refreshLoaders(ctx.loaders);
  return row;
}

export async function removePayee(ctx: PayeeContext, id: string): Promise<boolean> {
  const viewer = ctx.auth.require('banking:write');
  const now = ctx.now();
  const removed = await ctx.db.transaction(async (tx) => {
    const gone = await deletePayee(tx, viewer.userId, id);
    if (gone) await audit(tx, viewer.userId, now, [{ action: 'payee.removed', entity: 'payee', entityId: id, before: { ownerId: viewer.userId }, after: null }]);
    return gone;
  });
  refreshLoaders(ctx.loaders);
  return removed;
}

export async function listPayees(ctx: Pick<Context, 'auth' | 'loaders'>, ownerId: string): Promise<PayeeRow[]> {
  const viewer = ctx.auth.require('banking:read');
  if (viewer.userId !== ownerId) return [];
  return ctx.loaders.payeesOf.load(ownerId);
}

export const payeeNameOf = (ctx: Pick<Context, 'secrets'>, row: PayeeRow) => openText(ctx.secrets, row.nameSealed, payeeNameContext(row.id));
export const payeeMaskedNumberOf = (ctx: Pick<Context, 'secrets'>, row: PayeeRow) => maskAccountNumber(openText(ctx.secrets, row.numberSealed, payeeNumberContext(row.id)));
