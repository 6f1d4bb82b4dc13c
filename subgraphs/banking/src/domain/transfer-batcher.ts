import { AppError, NotFoundError, uuidv7, type Logger, type PendingEvent } from '@mosaic/kit';
import type { LedgerContext } from '../context';
import { appendAudit } from '../data/audit-repo';
import { applyBalanceChanges, lockAccounts, type BalanceChange } from '../data/accounts-repo';
import { insertPostings } from '../data/postings-repo';
import type { AuditRow, BankAccountRow, PostingRow, TransferRow } from '../data/tables';
import { claimTransfers, findTransfersByKeys } from '../data/transfers-repo';
import type { bankingEvents } from '../events';
import { accountState, transferState } from './audit';
import { assertOwnedBy, executeAlone, replayOf, type TransferPlan, type TransferResult } from './execute-transfer';
import { assertFunds, assertMovable, eventPayload, legsOf } from './ledger';

/**
 * Groups concurrent transfers into one transaction, the way purpose-built ledgers do: while one
 * batch commits, new requests queue; the next batch takes all of them (up to `maxBatch`). A batch
 * locks every account it touches once (in id order), reads the idempotency keys it carries in
 * one statement, then applies the transfers one after another *in memory* on the locked rows —
 * each checked against the balances the ones before it left — and writes the survivors with one
 * multi-row statement per table. A transfer that is refused (funds, state, a reused key) is
 * refused alone; the others commit. Same semantics as one transaction per transfer, far fewer
 * statements and commits.
 *
 * Up to `maxInFlight` batches run at once per process. A key of this batch may be claimed by
 * another batch or replica meanwhile (the unique index skips it): then the batch rolls back and
 * its transfers run one by one.
 */
export interface TransferBatcher {
  submit(actorId: string, plan: TransferPlan): Promise<TransferResult>;
}

interface Queued {
  actorId: string;
  plan: TransferPlan;
  resolve: (result: TransferResult) => void;
  reject: (error: unknown) => void;
}

class ConcurrentClaim extends Error {}

type BatchContext = Pick<LedgerContext, 'db' | 'now' | 'settings' | 'events'>;

export function createTransferBatcher(ctx: BatchContext, log: Logger, maxBatch: number, maxInFlight = 1): TransferBatcher {
  const queue: Queued[] = [];
  let inFlight = 0;
  let scheduled = false;
  const run = async (batch: Queued[]) => {
    try {
      const outcomes = await runBatch(ctx, batch);
      outcomes.forEach((outcome, i) => (outcome instanceof Error ? batch[i]!.reject(outcome) : batch[i]!.resolve(outcome)));
    } catch (error) {
      if (!(error instanceof ConcurrentClaim)) log.warn({ err: error, size: batch.length }, 'transfer batch failed; running its transfers one by one');
      // Each on its own: one bad apple (or a key claimed elsewhere) cannot fail the others.
      await Promise.all(batch.map((item) => executeAlone(ctx, item.actorId, item.plan).then(item.resolve, item.reject)));
    }
  };
  // Batches on disjoint accounts commit side by side; overlapping ones queue on the row locks,
  // which every batch takes in id order (so they cannot deadlock).
  const pump = () => {
    while (inFlight < maxInFlight && queue.length > 0) {
      inFlight += 1;
      void run(queue.splice(0, maxBatch)).finally(() => {
        inFlight -= 1;
        pump();
      });
    }
  };
  return {
    submit(actorId, plan) {
      return new Promise<TransferResult>((resolve, reject) => {
        queue.push({ actorId, plan, resolve, reject });
        if (!scheduled) {
          scheduled = true;
          setImmediate(() => {
            scheduled = false;
            pump();
          });
        }
      });
    },
  };
}

const keyOf = (row: Pick<TransferRow, 'initiatorId' | 'idempotencyKey'>) => `${row.initiatorId}\u0000${row.idempotencyKey}`;

async function runBatch(ctx: BatchContext, batch: readonly Queued[]): Promise<(TransferResult | Error)[]> {
  return ctx.db.transaction(async (tx) => {
    const ids = [...new Set(batch.flatMap(({ plan }) => [plan.row.fromAccountId, plan.row.toAccountId, ...(plan.fx ? [plan.fx.fromHouse, plan.fx.toHouse] : [])]))];
    const locked = await lockAccounts(tx, ids);
    const existing = new Map((await findTransfersByKeys(tx, batch.map(({ plan }) => plan.row))).map((row) => [keyOf(row), row]));
    const at = ctx.now();
    // The accounts as the transfers so far in this batch left them.
    const state = new Map<string, BankAccountRow>(locked);
    const changes = new Map<string, BalanceChange>();
    const change = (id: string) => changes.get(id) ?? changes.set(id, { accountId: id, balance: 0n, held: 0n, postings: 0 }).get(id)!;
    const claimed: TransferRow[] = [];
    const postings: PostingRow[] = [];
    const audit: AuditRow[] = [];
    const events: PendingEvent<typeof bankingEvents>[] = [];
    const outcomes = batch.map(({ actorId, plan }): TransferResult | Error => {
      try {
        const { row } = plan;
        const prior = existing.get(keyOf(row));
        if (prior) return replayOf(prior, row);
        const from = state.get(row.fromAccountId);
        const to = state.get(row.toAccountId);
        if (!from || !to) throw new NotFoundError('BankAccount', from ? row.toAccountId : row.fromAccountId);
        assertOwnedBy(from, plan.sourceOwnerId);
        assertMovable(from, 'source');
        assertMovable(to, 'destination');
        assertFunds(from, row.amount);
        const transfer: TransferRow = {
          ...row,
          status: plan.hold ? 'PENDING' : 'POSTED',
          createdAt: at,
          expiresAt: plan.hold ? new Date(at.getTime() + ctx.settings.holdTtlSeconds * 1000) : null,
          postedAt: plan.hold ? null : at,
          voidedAt: null,
          voidReason: null,
        };
        const entry = (action: string, entity: AuditRow['entity'], entityId: string, before: unknown, after: unknown): AuditRow => ({ id: uuidv7(at.getTime()), actorId, action, entity, entityId, before, after, at });
        audit.push(entry(plan.hold ? 'transfer.held' : 'transfer.posted', 'transfer', transfer.id, null, transferState(transfer)));
        const touched = new Map<string, BankAccountRow>();
        if (plan.hold) {
          touched.set(from.id, from);
          state.set(from.id, { ...from, held: from.held + row.amount });
          change(from.id).held += row.amount;
        } else {
          for (const leg of legsOf(transfer, plan.fx)) {
            const current = state.get(leg.accountId)!;
            if (!touched.has(leg.accountId)) touched.set(leg.accountId, current);
            const next = { ...current, balance: current.balance + leg.amount, postingCount: current.postingCount + 1 };
            state.set(leg.accountId, next);
            const delta = change(leg.accountId);
            delta.balance += leg.amount;
            delta.postings += 1;
            postings.push({ id: uuidv7(at.getTime()), transferId: transfer.id, accountId: leg.accountId, seq: current.postingCount, amount: leg.amount, currency: current.currency, balanceAfter: next.balance, counterpartyAccountId: leg.counterpartyAccountId, postedAt: at });
          }
          events.push({ type: 'transfer.posted', payload: eventPayload(transfer, state, at), options: { occurredAt: at } });
        }
        for (const [id, before] of touched) audit.push(entry(plan.hold ? 'hold.placed' : 'balance.changed', 'bank_account', id, accountState(before), accountState(state.get(id)!)));
        claimed.push(transfer);
        existing.set(keyOf(row), transfer);
        return { transfer, replayed: false };
      } catch (error) {
        if (error instanceof AppError) return error;
        throw error;
      }
    });
    if (claimed.length > 0) {
      if ((await claimTransfers(tx, claimed)) !== claimed.length) throw new ConcurrentClaim();
      await applyBalanceChanges(tx, [...changes.values()]);
      if (postings.length > 0) await insertPostings(tx, postings);
      await appendAudit(tx, audit);
      await ctx.events.emitAll(tx, events);
    }
    return outcomes;
  });
}
