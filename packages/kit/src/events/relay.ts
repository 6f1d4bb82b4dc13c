import { and, asc, eq, exists, inArray, isNull, sql } from 'drizzle-orm';
import type { Db, SqlClient } from '../db/database';
import type { Logger } from '../logger';
import type { EventEnvelope } from './catalog';
import type { EventMetrics } from './metrics';
import { eventTables, OUTBOX_PARTITIONS, outboxChannel, type OutboxRow } from './tables';
import type { Transport } from './transport';

export interface RelayOptions {
  schema: string;
  client: SqlClient;
  db: Db;
  transport: Transport;
  log: Logger;
  metrics: EventMetrics;
  /** The domain an event type is published under (its catalog's), by type. */
  domainOf: (type: string) => string;
  batchSize?: number;
  /** Polling fallback when no NOTIFY arrives (a lost notification, a dropped LISTEN connection). */
  pollMs?: number;
  /** Sent rows older than this are deleted. */
  retentionMs?: number;
  pruneEveryMs?: number;
  /** Called after the transport accepted a batch and before it is marked sent (fault tests kill the process here). */
  onPublished?: (rows: readonly OutboxRow[]) => Promise<void> | void;
}

/** A relay replica claims up to this many partitions at once, so two replicas share the work. */
const PARTITIONS_PER_CLAIM = Math.ceil(OUTBOX_PARTITIONS / 2);
const LINGER_STEPS = 3;
const LINGER_MS = 10;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const envelopeOf = (row: OutboxRow, domain: string): EventEnvelope => ({
  id: row.id,
  type: row.type,
  version: row.version,
  domain,
  aggregateId: row.aggregateId,
  tenantId: row.tenantId,
  occurredAt: row.occurredAt.toISOString(),
  traceparent: row.traceparent,
  payload: row.payload,
});

/**
 * Publishes a schema's outbox. Each step claims partitions with `FOR UPDATE SKIP LOCKED` and holds
 * them until its batch is published and marked, so replicas never publish the same partition at
 * once and a partition's rows go out in `seq` order (an aggregate always maps to one partition).
 * A relay that dies between publish and mark leaves the rows unsent: they are published again,
 * and consumers' inboxes absorb the duplicates. Writers NOTIFY only while a relay sleeps (see the
 * outbox_wakeup migration); a busy relay just keeps stepping. PGlite is one process with one relay per schema:
 * no claim is needed (and holding a transaction would block the in-process consumers).
 */
export function createRelay(options: RelayOptions) {
  const { outbox, outboxPartitions, outboxWakeup } = eventTables(options.schema);
  const batchSize = options.batchSize ?? 500;
  const pollMs = options.pollMs ?? 1_000;
  const retentionMs = options.retentionMs ?? 7 * 24 * 3_600_000;
  const pruneEveryMs = options.pruneEveryMs ?? 60_000;
  const log = options.log.child({ relay: options.schema });
  let running = false;
  let wake: (() => void) | undefined;
  let notifiedMeanwhile = false;
  let loop: Promise<void> | undefined;
  let unlisten: (() => Promise<void>) | undefined;
  let lastPrune = 0;

  async function publishBatch(db: Db, partitions: number[] | null): Promise<number> {
    const rows = await db
      .select()
      .from(outbox)
      .where(and(isNull(outbox.publishedAt), partitions ? inArray(outbox.partition, partitions) : undefined))
      .orderBy(asc(outbox.seq))
      .limit(batchSize);
    if (rows.length === 0) return 0;
    await options.transport.publish(rows.map((row) => envelopeOf(row, options.domainOf(row.type))));
    await options.onPublished?.(rows);
    // One array parameter, not one per row (statement building is a relay's main cost).
    await db.execute(sql`update ${outbox} set published_at = ${new Date().toISOString()}::timestamptz where seq in (select jsonb_array_elements_text(${JSON.stringify(rows.map((row) => row.seq))}::jsonb)::bigint)`);
    for (const row of rows) options.metrics.published.inc({ type: row.type });
    return rows.length;
  }

  async function step(): Promise<number> {
    if (options.client.kind === 'pglite') return publishBatch(options.db, null);
    return options.db.transaction(async (tx) => {
      const claimed = await tx
        .select({ partition: outboxPartitions.partition })
        .from(outboxPartitions)
        .where(exists(tx.select({ one: sql`1` }).from(outbox).where(and(eq(outbox.partition, outboxPartitions.partition), isNull(outbox.publishedAt)))))
        .orderBy(sql`random()`)
        .limit(PARTITIONS_PER_CLAIM)
        .for('update', { skipLocked: true });
      if (claimed.length === 0) return 0;
      return publishBatch(tx, claimed.map((c) => c.partition));
    });
  }

  async function prune() {
    const cutoff = new Date(Date.now() - retentionMs);
    await options.db.execute(sql`delete from ${outbox} where ${outbox.seq} in (select ${outbox.seq} from ${outbox} where ${outbox.publishedAt} < ${cutoff.toISOString()} limit 10000)`);
  }

  /** Whether this relay last told writers to notify it (it was about to sleep). */
  let askedForWakeUp = false;
  const askForWakeUp = async (needed: boolean) => {
    await options.db.update(outboxWakeup).set({ needed });
    askedForWakeUp = needed;
  };

  async function run() {
    let failures = 0;
    while (running) {
      try {
        let published = await step();
        if (published > 0 && askedForWakeUp) await askForWakeUp(false);
        // A relay that just ran dry looks again a few times before it asks writers to NOTIFY it:
        // under a steady load it would otherwise flip to asking after every batch.
        for (let linger = 0; published === 0 && !askedForWakeUp && linger < LINGER_STEPS; linger++) {
          await sleep(LINGER_MS);
          published = await step();
        }
        if (published === 0 && !askedForWakeUp) {
          // Ask for a NOTIFY, then look once more: an event committed before writers saw the
          // request would otherwise wait for the next poll.
          await askForWakeUp(true);
          published = await step();
        }
        failures = 0;
        if (Date.now() - lastPrune > pruneEveryMs) {
          lastPrune = Date.now();
          await prune();
        }
        if (published > 0) continue;
      } catch (error) {
        failures++;
        if (!running) break;
        log.warn({ err: error, failures }, 'outbox relay step failed; retrying');
        await sleep(Math.min(100 * 2 ** failures, 5_000));
        continue;
      }
      // Stopped while stepping: no sleep (stop() only wakes a relay that already sleeps).
      if (!running) break;
      // A notification that came while this step ran must not wait for the next poll.
      if (notifiedMeanwhile) {
        notifiedMeanwhile = false;
        continue;
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pollMs);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = undefined;
      notifiedMeanwhile = false;
    }
  }

  async function listen(): Promise<() => Promise<void>> {
    const channel = outboxChannel(options.schema);
    const notified = () => (wake ? wake() : (notifiedMeanwhile = true));
    if (options.client.kind === 'pglite') {
      const stop = await options.client.pglite.listen(channel, notified);
      return stop;
    }
    const subscription = await options.client.sql.listen(channel, notified);
    return () => subscription.unlisten();
  }

  return {
    async start() {
      if (running) return;
      running = true;
      unlisten = await listen().catch((error: unknown) => {
        log.warn({ err: error }, 'LISTEN failed; the relay polls');
        return undefined;
      });
      loop = run();
    },
    /** Age of the oldest unsent event, in seconds. */
    async lagSeconds(): Promise<number> {
      const [oldest] = await options.db.select({ occurredAt: outbox.occurredAt }).from(outbox).where(isNull(outbox.publishedAt)).orderBy(asc(outbox.seq)).limit(1);
      return oldest ? Math.max(0, (Date.now() - oldest.occurredAt.getTime()) / 1000) : 0;
    },
    async stop() {
      running = false;
      wake?.();
      await loop;
      await unlisten?.().catch(() => {});
    },
  };
}

export type Relay = ReturnType<typeof createRelay>;
