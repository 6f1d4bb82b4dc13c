import { z } from 'zod';
import { NotFoundError, requireRecentSecondFactor, uuidv7, validate } from '@mosaic/kit';
import type { LedgerContext } from '../context';
import { findAccountsByIds } from '../data/accounts-repo';
import { findPayee, isPayeeOf } from '../data/payees-repo';
import type { BankAccountRow } from '../data/tables';
import { findAccountByNumber } from './accounts';
import { normaliseAccountNumber } from './account-numbers';
import { executeTransfer, type TransferResult } from './execute-transfer';
import { ensureHouseAccount } from './house-accounts';
import { idempotencyKey, requestHash } from './idempotency';
import { isHouse } from './ledger';
import { LedgerInputError } from './ledger-errors';
import { convert, currencyOf, formatRate, parseRate, positiveAmount } from './money';
import { openText, payeeNumberContext } from './secrets';

const reference = z.string().trim().max(140, 'must be at most 140 characters').nullish();

const transferInput = z
  .object({
    idempotencyKey,
    fromAccountId: z.string().uuid(),
    toAccountId: z.string().uuid().nullish(),
    toAccountNumber: z.string().max(64).nullish(),
    toPayeeId: z.string().uuid().nullish(),
    amount: z.bigint(),
    reference,
    hold: z.boolean().nullish(),
  })
  .refine((input) => [input.toAccountId, input.toAccountNumber, input.toPayeeId].filter((to) => to != null).length === 1, {
    message: 'give exactly one of toAccountId, toAccountNumber or toPayeeId',
    path: ['toAccountId'],
  });

export type TransferInput = z.input<typeof transferInput>;

/** Accounts by id in one statement (through the request's loader when there is one). */
async function readAccounts(ctx: LedgerContext, ids: string[]): Promise<Map<string, BankAccountRow>> {
  const rows = ctx.loaders ? (await ctx.loaders.accountById.loadMany(ids)).filter((row): row is BankAccountRow => row !== null && !(row instanceof Error)) : await findAccountsByIds(ctx.db, ids);
  return new Map(rows.map((row) => [row.id, row]));
}

/** The caller's own account, for use as a source or own destination; NOT_FOUND otherwise. */
function ownAccount(known: Map<string, BankAccountRow>, ownerId: string, id: string, field: string): BankAccountRow {
  const row = known.get(id);
  if (!row || row.ownerId !== ownerId) throw new FieldNotFound(field, id);
  return row;
}

class FieldNotFound extends NotFoundError {
  constructor(field: string, id: string) {
    super('BankAccount', id);
    (this.extensions as Record<string, unknown>).field = field;
  }
}

/** Where the money goes: another own account, any account by number, or a saved payee. */
async function destinationOf(ctx: LedgerContext, known: Map<string, BankAccountRow>, ownerId: string, input: z.output<typeof transferInput>): Promise<{ account: BankAccountRow; payee: boolean }> {
  if (input.toAccountId) return { account: ownAccount(known, ownerId, input.toAccountId, 'input.toAccountId'), payee: false };
  if (input.toPayeeId) {
    const payee = await findPayee(ctx.db, ownerId, input.toPayeeId);
    if (!payee) throw new NotFoundError('Payee', input.toPayeeId);
    const account = await findAccountByNumber(ctx, openText(ctx.secrets, payee.numberSealed, payeeNumberContext(payee.id)), 'input.toPayeeId');
    if (!account) throw new FieldNotFound('input.toPayeeId', input.toPayeeId);
    return { account, payee: true };
  }
  const account = await findAccountByNumber(ctx, input.toAccountNumber!, 'input.toAccountNumber');
  // The number is not echoed: messages end up in logs and traces.
  if (!account) throw new FieldNotFound('input.toAccountNumber', 'given number');
  const number = normaliseAccountNumber(input.toAccountNumber!)!;
  return { account, payee: await isPayeeOf(ctx.db, ownerId, ctx.secrets.lookup.candidates(number)) };
}

/**
 * Moves money from one of the caller's accounts, now or as a pending hold. A second factor proved
 * within BANKING_STEP_UP_MAX_AGE_SECONDS is needed above BANKING_STEP_UP_THRESHOLD, and for any
 * amount to someone else's account that is not a saved payee.
 */
export async function createTransfer(ctx: LedgerContext, raw: TransferInput): Promise<TransferResult> {
  const viewer = ctx.auth.require('banking:write');
  const input = validate(transferInput, raw);
  const amount = positiveAmount(input.amount, 'input.amount');
  // Both ends in one read when both are ids (the common case: between own accounts).
  const known = await readAccounts(ctx, input.toAccountId ? [input.fromAccountId, input.toAccountId] : [input.fromAccountId]);
  const from = ownAccount(known, viewer.userId, input.fromAccountId, 'input.fromAccountId');
  const { account: to, payee } = await destinationOf(ctx, known, viewer.userId, input);
  if (to.id === from.id) throw new LedgerInputError('The source and destination are the same account.', 'input.toAccountId', 'SAME_ACCOUNT');
  if (to.currency !== from.currency) {
    throw new LedgerInputError(`The destination holds ${to.currency} and the source ${from.currency}: convert with exchangeCurrency between your own accounts first.`, 'input.toAccountId', 'CURRENCY_MISMATCH');
  }
  if (amount > ctx.settings.stepUpThreshold || (to.ownerId !== viewer.userId && !payee)) {
    requireRecentSecondFactor(ctx.viewer, ctx.settings.stepUpMaxAgeSeconds, ctx.now());
  }
  const body = { from: from.id, to: to.id, amount: amount.toString(), reference: input.reference ?? '', hold: input.hold ?? false };
  return executeTransfer(ctx, viewer.userId, {
    row: {
      id: uuidv7(ctx.now().getTime()),
      kind: 'INTERNAL',
      initiatorId: viewer.userId,
      idempotencyKey: input.idempotencyKey,
      requestHash: requestHash('transfer', body),
      fromAccountId: from.id,
      toAccountId: to.id,
      amount,
      currency: from.currency,
      toAmount: amount,
      toCurrency: to.currency,
      fxRate: null,
      fxRateSource: null,
      reference: input.reference ?? '',
    },
    hold: input.hold ?? false,
    fx: null,
    sourceOwnerId: viewer.userId,
  });
}

const exchangeInput = z.object({ idempotencyKey, fromAccountId: z.string().uuid(), toAccountId: z.string().uuid(), amount: z.bigint(), reference });

/**
 * Converts between two of the caller's accounts in different currencies at the provider's rate,
 * which is stored on the transfer. The postings go through the bank's FX account of each currency,
 * so every currency's postings still sum to zero.
 */
export async function exchangeCurrency(ctx: LedgerContext, raw: z.input<typeof exchangeInput>): Promise<TransferResult> {
  const viewer = ctx.auth.require('banking:write');
  const input = validate(exchangeInput, raw);
  const amount = positiveAmount(input.amount, 'input.amount');
  const known = await readAccounts(ctx, [input.fromAccountId, input.toAccountId]);
  const from = ownAccount(known, viewer.userId, input.fromAccountId, 'input.fromAccountId');
  const to = ownAccount(known, viewer.userId, input.toAccountId, 'input.toAccountId');
  if (to.id === from.id) throw new LedgerInputError('The source and destination are the same account.', 'input.toAccountId', 'SAME_ACCOUNT');
  if (to.currency === from.currency) throw new LedgerInputError('Both accounts hold the same currency: use createTransfer.', 'input.toAccountId', 'CURRENCY_MISMATCH');
  if (amount > ctx.settings.stepUpThreshold) requireRecentSecondFactor(ctx.viewer, ctx.settings.stepUpMaxAgeSeconds, ctx.now());
  const fromCurrency = currencyOf(from.currency, 'input.fromAccountId');
  const toCurrency = currencyOf(to.currency, 'input.toAccountId');
  const quote = await ctx.fx.rate(fromCurrency, toCurrency);
  const rate = parseRate(quote.rate);
  const toAmount = convert(amount, fromCurrency, toCurrency, rate);
  if (toAmount <= 0n) throw new LedgerInputError('This amount converts to less than one minor unit of the destination currency.', 'input.amount', 'INSUFFICIENT_FUNDS');
  const now = ctx.now();
  const fx = { fromHouse: await ensureHouseAccount(ctx.db, ctx.secrets, 'FX', fromCurrency, now), toHouse: await ensureHouseAccount(ctx.db, ctx.secrets, 'FX', toCurrency, now) };
  // The rate is not part of the body: a retry returns the first conversion at its stored rate.
  const body = { from: from.id, to: to.id, amount: amount.toString(), reference: input.reference ?? '' };
  return executeTransfer(ctx, viewer.userId, {
    row: {
      id: uuidv7(now.getTime()),
      kind: 'FX',
      initiatorId: viewer.userId,
      idempotencyKey: input.idempotencyKey,
      requestHash: requestHash('exchange', body),
      fromAccountId: from.id,
      toAccountId: to.id,
      amount,
      currency: fromCurrency,
      toAmount,
      toCurrency,
      fxRate: formatRate(rate),
      fxRateSource: quote.source,
      reference: input.reference ?? '',
    },
    hold: false,
    fx,
    sourceOwnerId: viewer.userId,
  });
}

const depositInput = z.object({ idempotencyKey, accountId: z.string().uuid(), amount: z.bigint(), reference });

/** Staff pay money in (cash at a branch, an incoming wire): from the bank's funding account of the currency. */
export async function depositFunds(ctx: LedgerContext, raw: z.input<typeof depositInput>): Promise<TransferResult> {
  const viewer = ctx.auth.require('banking:admin');
  const input = validate(depositInput, raw);
  const amount = positiveAmount(input.amount, 'input.amount');
  const [to] = await findAccountsByIds(ctx.db, [input.accountId]);
  if (!to || isHouse(to)) throw new FieldNotFound('input.accountId', input.accountId);
  const currency = currencyOf(to.currency, 'input.accountId');
  const funding = await ensureHouseAccount(ctx.db, ctx.secrets, 'FUNDING', currency, ctx.now());
  const body = { to: to.id, amount: amount.toString(), reference: input.reference ?? '' };
  return executeTransfer(ctx, viewer.userId, {
    row: {
      id: uuidv7(ctx.now().getTime()),
      kind: 'DEPOSIT',
      initiatorId: viewer.userId,
      idempotencyKey: input.idempotencyKey,
      requestHash: requestHash('deposit', body),
      fromAccountId: funding,
      toAccountId: to.id,
      amount,
      currency,
      toAmount: amount,
      toCurrency: currency,
      fxRate: null,
      fxRateSource: null,
      reference: input.reference ?? 'Deposit',
    },
    hold: false,
    fx: null,
    sourceOwnerId: null,
  });
}
