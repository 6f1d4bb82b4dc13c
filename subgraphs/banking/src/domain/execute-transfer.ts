import { NotFoundError, refreshLoaders, written, type Db } from '@mosaic/kit';
import type { LedgerContext } from '../context';
import type { BankAccountRow, TransferRow } from '../data/tables';
import { claimTransfer, findTransferByKey } from '../data/transfers-repo';
import { assertFunds, assertMovable, changeHold, isHouse, legsOf, lockAll, postLegs, recordTransferChange } from './ledger';
import { LedgerConflictError } from './ledger-errors';

/** A transfer ready to run: everything resolved and validated that needs no lock. */
export interface TransferPlan {
  row: Omit<TransferRow, 'status' | 'createdAt' | 'expiresAt' | 'postedAt' | 'voidedAt' | 'voidReason'>;
  hold: boolean;
  /** FX house accounts (for a conversion), locked with the two ends. */
  fx: { fromHouse: string; toHouse: string } | null;
  /** Who must own the source (null: the bank's own, for deposits). */
  sourceOwnerId: string | null;
}

export interface TransferResult {
  transfer: TransferRow;
  /** The first result of an earlier request with the same idempotency key. */
  replayed: boolean;
}

/**
 * Runs a transfer in one transaction: lock every account it touches (in id order), claim the
 * idempotency key, check the accounts' state and funds on the locked rows, then hold the amount
 * or write the postings, the audit entries and transfer.posted. Any refusal rolls all of it back
 * (the key included, so a corrected retry can reuse it).
 */
export async function executeTransfer(ctx: LedgerContext, actorId: string, plan: TransferPlan): Promise<TransferResult> {
  const result = await (ctx.batcher ? ctx.batcher.submit(actorId, plan) : executeAlone(ctx, actorId, plan));
  afterTransferWrite(ctx, result.transfer);
  return result;
}

/** Balances changed: the request's cached accounts are stale; the transfer itself is known. */
export function afterTransferWrite(ctx: Pick<LedgerContext, 'loaders'>, transfer: TransferRow): void {
  if (ctx.loaders) refreshLoaders(ctx.loaders, written(ctx.loaders.transferById, transfer.id, transfer));
}

/** One transfer in its own transaction (also the batcher's fallback). */
export async function executeAlone(ctx: Pick<LedgerContext, 'db' | 'now' | 'settings' | 'events'>, actorId: string, plan: TransferPlan): Promise<TransferResult> {
  const { row } = plan;
  const ids = plan.fx ? [row.fromAccountId, row.toAccountId, plan.fx.fromHouse, plan.fx.toHouse] : [row.fromAccountId, row.toAccountId];
  return ctx.db.transaction(async (tx) => {
    const accounts = await lockAll(tx, ids);
    // Taken under the locks: postings of one account are stamped in the order they run.
    const at = ctx.now();
    const transfer: TransferRow = {
      ...row,
      status: plan.hold ? 'PENDING' : 'POSTED',
      createdAt: at,
      expiresAt: plan.hold ? new Date(at.getTime() + ctx.settings.holdTtlSeconds * 1000) : null,
      postedAt: plan.hold ? null : at,
      voidedAt: null,
      voidReason: null,
    };
    if (!(await claimTransfer(tx, transfer))) return replay(tx, row);
    const from = accounts.get(row.fromAccountId)!;
    const to = accounts.get(row.toAccountId)!;
    assertOwnedBy(from, plan.sourceOwnerId);
    assertMovable(from, 'source');
    assertMovable(to, 'destination');
    assertFunds(from, row.amount);
    const entries = plan.hold ? [await changeHold(tx, from, row.amount)] : await postLegs(tx, accounts, transfer.id, legsOf(transfer, plan.fx), at);
    await recordTransferChange(tx, ctx.events, actorId, null, transfer, accounts, at, entries);
    return { transfer, replayed: false };
  });
}

async function replay(tx: Db, row: TransferPlan['row']): Promise<TransferResult> {
  return replayOf(await findTransferByKey(tx, row.initiatorId, row.idempotencyKey), row);
}

/** The first result for a reused key, or the refusal when the body differs. */
export function replayOf(existing: TransferRow | null, row: TransferPlan['row']): TransferResult {
  if (!existing || existing.requestHash !== row.requestHash) {
    throw new LedgerConflictError('This idempotency key was already used for a different transfer; use a new key for a new transfer.', 'IDEMPOTENCY_KEY_REUSED');
  }
  return { transfer: existing, replayed: true };
}

/** Checked again under the lock; someone else's account looks exactly like a missing one. */
export function assertOwnedBy(account: BankAccountRow, ownerId: string | null): void {
  if (ownerId === null ? !isHouse(account) : account.ownerId !== ownerId) throw new NotFoundError('BankAccount', account.id);
}
