import type { Db, Logger } from '@mosaic/kit';
import { writeVisitBatch, type LinkVisitRow, type OrphanVisitRow } from '../../data/visits-repo';
import type { RawVisit, VisitFacts, VisitFactsOf } from './visit-facts';

export type PendingVisit =
  | { kind: 'link'; linkId: string; /** Already added to visit_count (a link with a limit). */ counted: boolean; raw: RawVisit }
  | { kind: 'orphan'; path: string; raw: RawVisit };

export interface VisitRecorderSettings {
  flushIntervalMs: number;
  batchSize: number;
  /** Beyond this many unwritten visits (the database is down for long), new ones are dropped and counted. */
  maxQueued: number;
}

const CLOSE_DEADLINE_MS = 15_000;

/**
 * Visits never slow a redirect down: the handler queues them in memory and this writes them in
 * batches — every `flushIntervalMs`, or as soon as `batchSize` are waiting. A batch that fails to
 * write goes back to the front of the queue and is retried on the next tick; `close` writes what
 * is left before the process exits (graceful shutdown loses nothing). Only a crash loses the
 * visits of the last interval.
 */
export class VisitRecorder {
  private queue: PendingVisit[] = [];
  private running: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private scheduled = false;
  private lastDropWarning = 0;
  /** Visits written so far, dropped (queue full), and failed batch writes. */
  readonly counters = { written: 0, dropped: 0, failedWrites: 0 };

  constructor(private readonly deps: { db: Db; log: Logger; facts: VisitFacts; settings: VisitRecorderSettings }) {}

  start(): void {
    this.timer = setInterval(() => void this.flush(), this.deps.settings.flushIntervalMs);
    this.timer.unref();
  }

  get pending(): number {
    return this.queue.length;
  }

  record(visit: PendingVisit): void {
    if (this.queue.length >= this.deps.settings.maxQueued) {
      this.counters.dropped++;
      if (Date.now() - this.lastDropWarning > 10_000) {
        this.lastDropWarning = Date.now();
        this.deps.log.error({ queued: this.queue.length, dropped: this.counters.dropped }, 'visit queue full: visits are being dropped until the database accepts writes again');
      }
      return;
    }
    this.queue.push(visit);
    if (this.queue.length >= this.deps.settings.batchSize && !this.running && !this.scheduled) {
      this.scheduled = true;
      setImmediate(() => {
        this.scheduled = false;
        void this.flush();
      });
    }
  }

  /** Writes everything queued now (joining a write in progress); failures stay queued. */
  flush(): Promise<void> {
    this.running ??= this.drain().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.deps.settings.batchSize);
      try {
        await this.write(batch);
        this.counters.written += batch.length;
      } catch (error) {
        this.queue.unshift(...batch);
        this.counters.failedWrites++;
        this.deps.log.warn({ err: error, queued: this.queue.length }, 'writing visits failed; retrying on the next tick');
        return;
      }
    }
  }

  /** Visits with the same target, minute and facts become one row with their count. */
  private async write(batch: readonly PendingVisit[]): Promise<void> {
    const links = new Map<string, LinkVisitRow>();
    const orphans = new Map<string, OrphanVisitRow>();
    const uncounted = new Map<string, number>();
    for (const pending of batch) {
      const facts = this.deps.facts.derive(pending.raw);
      const key = rowKey(facts);
      if (pending.kind === 'orphan') {
        const id = `${pending.path}\n${key}`;
        const row = orphans.get(id);
        if (row) row.visits++;
        else orphans.set(id, { ...stored(facts), path: pending.path });
        continue;
      }
      const id = `${pending.linkId}\n${key}`;
      const row = links.get(id);
      if (row) row.visits++;
      else links.set(id, { ...stored(facts), linkId: pending.linkId });
      if (!pending.counted) uncounted.set(pending.linkId, (uncounted.get(pending.linkId) ?? 0) + 1);
    }
    await writeVisitBatch(this.deps.db, { linkRows: [...links.values()], orphanRows: [...orphans.values()], uncounted });
  }

  /** Stops the timer and writes what is queued, retrying for a while if the database is slow to answer. */
  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    const deadline = Date.now() + CLOSE_DEADLINE_MS;
    while (true) {
      await this.flush();
      if (this.queue.length === 0) return;
      if (Date.now() > deadline) {
        this.deps.log.error({ lost: this.queue.length }, 'could not write the last visits before shutting down');
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

const rowKey = (f: VisitFactsOf) => `${f.minute}\n${f.visitorKey}\n${f.referrerHost}\n${f.browser}\n${f.os}\n${f.device}\n${f.bot}\n${f.country}\n${f.network}`;

const stored = ({ minute, ...facts }: VisitFactsOf) => ({ visitedAt: new Date(minute).toISOString(), visits: 1, ...facts });
