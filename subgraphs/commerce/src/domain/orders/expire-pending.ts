import { and, asc, eq, lt } from 'drizzle-orm';
import { PeriodicJob, type Db, type Logger } from '@mosaic/kit';
import type { CommerceOutbox } from '../../events';
import { orders } from '../../data/tables';
import { moveOrder, snapshot } from './transitions';

interface SweepDeps {
  db: Db;
  events: CommerceOutbox;
  now: () => Date;
  log: Logger;
}

const BATCH = 50;

/**
 * Cancels orders left unpaid longer than `ttlSeconds` (actor SYSTEM), so abandoned checkouts give
 * their reserved stock back. Replicas share the work: rows are claimed with SKIP LOCKED, and an
 * order a buyer is paying right now (locked by the payment) is simply skipped this round.
 */
export async function expirePendingOrders(deps: SweepDeps, ttlSeconds: number): Promise<number> {
  const cutoff = new Date(deps.now().getTime() - ttlSeconds * 1000);
  return deps.db.transaction(async (tx) => {
    const stale = await tx.select().from(orders).where(and(eq(orders.status, 'PENDING'), lt(orders.placedAt, cutoff))).orderBy(asc(orders.placedAt)).limit(BATCH).for('update', { skipLocked: true });
    for (const order of stale) {
      const note = `Not paid within ${Math.round(ttlSeconds / 60)} minute(s).`;
      const cancelled = await moveOrder(deps, tx, order, 'CANCELLED', { kind: 'SYSTEM', userId: null }, { note });
      await deps.events.emit(tx, 'order.cancelled', { ...snapshot(cancelled), reason: note });
    }
    return stale.length;
  });
}

/**
 * Runs the sweep every `intervalMs` on every replica. A tick that finds the previous round still
 * running is skipped rather than queued: each round claims whatever is due at its own instant, so
 * a skipped tick loses nothing, and rounds cannot pile up behind a slow database.
 */
export function pendingOrderSweeper(deps: SweepDeps, ttlSeconds: number, intervalMs: number): PeriodicJob<number> {
  return new PeriodicJob({
    intervalMs,
    log: deps.log,
    step: () => expirePendingOrders(deps, ttlSeconds),
    report: (count, log) => {
      if (count > 0) log.info({ count }, 'cancelled unpaid orders');
    },
    failure: 'unpaid-order sweep failed; retrying on the next tick',
  });
}
