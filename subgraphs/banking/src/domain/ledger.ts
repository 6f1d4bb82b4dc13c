import { NotFoundError, uuidv7, type Db } from '@mosaic/kit';
import { applyBalanceChanges, lockAccounts, type BalanceChange } from '../data/accounts-repo';
import { insertPostings } from '../data/postings-repo';
import type { BankAccountRow, PostingRow, TransferRow } from '../data/tables';
import type { BankingOutbox } from '../events';
import { accountState, audit, transferState, type AuditEntry } from './audit';
import { LedgerConflictError } from './ledger-errors';

/** One side of a transfer on one account: negative takes money out, positive puts it in. */
export interface Leg {
  accountId: string;
  amount: bigint;
  counterpartyAccountId: string;
}

export const isHouse = (account: BankAccountRow) => account.kind === 'FUNDING' || account.kind === 'FX';

/** What the account can still spend: posted balance, less what is held, plus the overdraft. */
export const availableOf = (account: BankAccountRow) => account.balance - account.held + account.overdraftLimit;

/** Money moves only through open customer accounts (house accounts are always open). */
export function assertMovable(account: BankAccountRow, side: 'source' | 'destination'): void {
  if (account.status === 'FROZEN') throw new LedgerConflictError(`The ${side} account is frozen: nothing moves in or out until the bank unfreezes it.`, 'ACCOUNT_FROZEN');
  if (account.status === 'CLOSED') throw new LedgerConflictError(`The ${side} account is closed.`, 'ACCOUNT_CLOSED');
}

export function assertFunds(account: BankAccountRow, amount: bigint): void {
  if (!isHouse(account) && availableOf(account) < amount) {
    throw new LedgerConflictError('The source account does not have enough money available for this transfer (balance, less holds, plus any overdraft).', 'INSUFFICIENT_FUNDS', {
      available: availableOf(account).toString(),
    });
  }
}

/** The accounts a transfer touches, locked in id order; NOT_FOUND when one has gone. */
export async function lockAll(tx: Db, ids: readonly string[]): Promise<Map<string, BankAccountRow>> {
  const accounts = await lockAccounts(tx, [...new Set(ids)]);
  for (const id of ids) if (!accounts.has(id)) throw new NotFoundError('BankAccount', id);
  return accounts;
}

export interface Release {
  accountId: string;
  amount: bigint;
}

/**
 * Writes a transfer's postings and the accounts' new balances on locked rows: each posting gets
 * the account's next `seq` and its running balance after it; one statement for the balances, one
 * for the postings. `release` also lowers a hold (posting a pending transfer). Returns the audit
 * entries of every account changed.
 */
export async function postLegs(tx: Db, accounts: Map<string, BankAccountRow>, transferId: string, legs: readonly Leg[], at: Date, release: Release | null = null): Promise<AuditEntry[]> {
  const changes = new Map<string, BalanceChange>();
  const after = new Map<string, BankAccountRow>();
  const change = (id: string) => {
    let entry = changes.get(id);
    if (!entry) changes.set(id, (entry = { accountId: id, balance: 0n, held: 0n, postings: 0 }));
    return entry;
  };
  const rows: PostingRow[] = legs.map((leg) => {
    const current = after.get(leg.accountId) ?? accounts.get(leg.accountId)!;
    const next = { ...current, balance: current.balance + leg.amount, postingCount: current.postingCount + 1 };
    after.set(leg.accountId, next);
    const entry = change(leg.accountId);
    entry.balance += leg.amount;
    entry.postings += 1;
    return { id: uuidv7(at.getTime()), transferId, accountId: leg.accountId, seq: current.postingCount, amount: leg.amount, currency: current.currency, balanceAfter: next.balance, counterpartyAccountId: leg.counterpartyAccountId, postedAt: at };
  });
  if (release) {
    change(release.accountId).held -= release.amount;
    const current = after.get(release.accountId) ?? accounts.get(release.accountId)!;
    after.set(release.accountId, { ...current, held: current.held - release.amount });
  }
  await applyBalanceChanges(tx, [...changes.values()]);
  await insertPostings(tx, rows);
  return [...after.values()].map((row) => ({ action: 'balance.changed', entity: 'bank_account', entityId: row.id, before: accountState(accounts.get(row.id)!), after: accountState(row) }));
}

/** Holds (positive) or releases (negative) an amount on a locked source account. */
export async function changeHold(tx: Db, account: BankAccountRow, amount: bigint): Promise<AuditEntry> {
  await applyBalanceChanges(tx, [{ accountId: account.id, balance: 0n, held: amount, postings: 0 }]);
  return { action: amount > 0n ? 'hold.placed' : 'hold.released', entity: 'bank_account', entityId: account.id, before: accountState(account), after: accountState({ ...account, held: account.held + amount }) };
}

/** The legs of a transfer once posted: two for one currency, four through the FX house accounts. */
export function legsOf(transfer: TransferRow, fx: { fromHouse: string; toHouse: string } | null): Leg[] {
  const { fromAccountId: from, toAccountId: to } = transfer;
  if (!fx) {
    return [
      { accountId: from, amount: -transfer.amount, counterpartyAccountId: to },
      { accountId: to, amount: transfer.toAmount, counterpartyAccountId: from },
    ];
  }
  return [
    { accountId: from, amount: -transfer.amount, counterpartyAccountId: fx.fromHouse },
    { accountId: fx.fromHouse, amount: transfer.amount, counterpartyAccountId: from },
    { accountId: fx.toHouse, amount: -transfer.toAmount, counterpartyAccountId: to },
    { accountId: to, amount: transfer.toAmount, counterpartyAccountId: fx.toHouse },
  ];
}

export const eventPayload = (transfer: TransferRow, accounts: Map<string, BankAccountRow>, at: Date) => ({
  transferId: transfer.id,
  kind: transfer.kind,
  fromAccountId: transfer.fromAccountId,
  toAccountId: transfer.toAccountId,
  fromOwnerId: accounts.get(transfer.fromAccountId)?.ownerId ?? null,
  toOwnerId: accounts.get(transfer.toAccountId)?.ownerId ?? null,
  amount: transfer.amount.toString(),
  currency: transfer.currency,
  toAmount: transfer.toAmount.toString(),
  toCurrency: transfer.toCurrency,
  at: at.toISOString(),
});

/** transfer.posted / transfer.voided with their audit entry, in the transaction of the change. */
export async function recordTransferChange(
  tx: Db,
  outbox: BankingOutbox,
  actorId: string | null,
  before: TransferRow | null,
  after: TransferRow,
  accounts: Map<string, BankAccountRow>,
  at: Date,
  entries: AuditEntry[],
): Promise<void> {
  const action = before === null ? `transfer.${after.status === 'PENDING' ? 'held' : 'posted'}` : `transfer.${after.status.toLowerCase()}`;
  await audit(tx, actorId, at, [{ action, entity: 'transfer', entityId: after.id, before: before && transferState(before), after: transferState(after) }, ...entries]);
  if (after.status === 'POSTED') await outbox.emit(tx, 'transfer.posted', eventPayload(after, accounts, at), { occurredAt: at });
  if (after.status === 'VOIDED') await outbox.emit(tx, 'transfer.voided', { ...eventPayload(after, accounts, at), reason: after.voidReason ?? 'VOIDED' }, { occurredAt: at });
}
