import { NotFoundError, PeriodicJob, type Logger } from '@mosaic/kit';
import type { LedgerContext } from '../context';
import type { TransferRow } from '../data/tables';
import { findExpiredHolds, findTransfersByIds, lockTransfer, updateTransfer } from '../data/transfers-repo';
import { assertMovable, changeHold, legsOf, lockAll, postLegs, recordTransferChange } from './ledger';
import { afterTransferWrite } from './execute-transfer';
import { LedgerConflictError } from './ledger-errors';

type Settle = { action: 'post' } | { action: 'void'; reason: 'VOIDED_BY_USER' | 'EXPIRED' };

/**
 * Posts or voids a pending transfer. Locks in the same order as new transfers (accounts by id,
 * then the transfer) and re-checks the status under the lock: of a post and a void racing, one
 * wins and the other is refused.
 */
async function settle(ctx: Pick<LedgerContext, 'db' | 'now' | 'events'>, actorId: string | null, id: string, how: Settle, allowed: (row: TransferRow) => boolean): Promise<TransferRow> {
  const [seen] = await findTransfersByIds(ctx.db, [id]);
  if (!seen || !allowed(seen)) throw new NotFoundError('Transfer', id);
  return ctx.db.transaction(async (tx) => {
    const accounts = await lockAll(tx, [seen.fromAccountId, seen.toAccountId]);
    const before = (await lockTransfer(tx, id))!;
    if (before.status !== 'PENDING') throw new LedgerConflictError(`This transfer is ${before.status.toLowerCase()}, not pending.`, 'NOT_PENDING');
    const at = ctx.now();
    const from = accounts.get(before.fromAccountId)!;
    if (how.action === 'void') {
      const after = await updateTransfer(tx, id, { status: 'VOIDED', voidedAt: at, voidReason: how.reason });
      await recordTransferChange(tx, ctx.events, actorId, before, after, accounts, at, [await changeHold(tx, from, -before.amount)]);
      return after;
    }
    if (before.expiresAt && before.expiresAt <= at) throw new LedgerConflictError('This hold has expired; it is being voided. Make a new transfer.', 'HOLD_EXPIRED');
    assertMovable(from, 'source');
    assertMovable(accounts.get(before.toAccountId)!, 'destination');
    const after = await updateTransfer(tx, id, { status: 'POSTED', postedAt: at });
    const entries = await postLegs(tx, accounts, id, legsOf(after, null), at, { accountId: from.id, amount: before.amount });
    await recordTransferChange(tx, ctx.events, actorId, before, after, accounts, at, entries);
    return after;
  });
}

const ownedBy = (userId: string) => (row: TransferRow) => row.initiatorId === userId;

export async function postTransfer(ctx: LedgerContext, id: string): Promise<TransferRow> {
  const viewer = ctx.auth.require('banking:write');
  const transfer = await settle(ctx, viewer.userId, id, { action: 'post' }, ownedBy(viewer.userId));
  afterTransferWrite(ctx, transfer);
  return transfer;
}

export async function voidTransfer(ctx: LedgerContext, id: string): Promise<TransferRow> {
  const viewer = ctx.auth.require('banking:write');
  const transfer = await settle(ctx, viewer.userId, id, { action: 'void', reason: 'VOIDED_BY_USER' }, ownedBy(viewer.userId));
  afterTransferWrite(ctx, transfer);
  return transfer;
}

/**
 * The expiry job: voids every pending hold whose `expires_at` has passed (as the system), a batch
 * at a time. A hold posted or voided meanwhile is skipped. Returns how many it voided.
 */
export async function expireHolds(ctx: Pick<LedgerContext, 'db' | 'now' | 'events'>, log: Logger, batch = 100): Promise<number> {
  let voided = 0;
  for (;;) {
    const due = await findExpiredHolds(ctx.db, ctx.now(), batch);
    for (const hold of due) {
      try {
        await settle(ctx, null, hold.id, { action: 'void', reason: 'EXPIRED' }, () => true);
        voided += 1;
      } catch (error) {
        if (!(error instanceof LedgerConflictError)) throw error;
        log.debug({ transferId: hold.id }, 'hold settled before it expired');
      }
    }
    if (due.length < batch) return voided;
  }
}

/**
 * Runs `expireHolds` every `intervalMs` on every replica. A tick that finds the previous round still
 * running is skipped rather than queued: a round drains everything due at its instant, so the next
 * tick would find nothing the running one does not already take.
 */
export function holdExpiry(ctx: Pick<LedgerContext, 'db' | 'now' | 'events'>, log: Logger, intervalMs: number): PeriodicJob<number> {
  return new PeriodicJob({
    intervalMs,
    log,
    step: () => expireHolds(ctx, log),
    report: (voided) => {
      if (voided > 0) log.info({ voided }, 'expired holds voided');
    },
    failure: 'hold expiry failed; retrying at the next interval',
  });
}
