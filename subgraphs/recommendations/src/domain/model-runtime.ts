import { randomUUID } from 'node:crypto';
import type { Db, Logger } from '@mosaic/kit';
import { claimTrainingLease, insertModel, latestModelVersion, loadModelNewerThan, releaseTrainingLease } from '../data/models-repo';
import { interactionsSince } from '../data/interactions-repo';
import { itemKey } from '../data/items-repo';
import type { RecommendationsSettings } from '../env';
import { DAY_MS, decayed, interactionWeight } from '../model/behaviour';
import { DEFAULT_TRAINING, type TrainedModel } from '../model/model';
import { deserializeModel } from '../model/serialize';
import { trainInWorker } from '../model/trainer';

const LEASE_MS = 30 * 60_000;
const POLL_MS = 60_000;

/**
 * The model in service and its lifecycle: the newest trained version is loaded from PostgreSQL
 * and swapped in whole (requests hold a reference, so a swap never mixes versions); a full
 * retraining runs on a schedule in a worker thread, by whichever replica takes the training lease,
 * and the others pick the new version up when they poll.
 */
export class ModelRuntime {
  private model: TrainedModel | null = null;
  private training: Promise<TrainedModel | null> | null = null;
  private readonly timers: NodeJS.Timeout[] = [];

  constructor(
    private readonly deps: { db: Db; log: Logger; now: () => Date },
    private readonly settings: RecommendationsSettings,
  ) {}

  current(): TrainedModel | null {
    return this.model;
  }

  /** Loads a newer version if another replica trained one. */
  async refresh(): Promise<void> {
    const row = await loadModelNewerThan(this.deps.db, this.model?.version ?? 0);
    if (row) this.model = deserializeModel(row.body);
  }

  /** A full retraining now (joined if one is running); null when another replica holds the lease. */
  retrain(): Promise<TrainedModel | null> {
    this.training ??= this.train().finally(() => {
      this.training = null;
    });
    return this.training;
  }

  /** Serves the stored model (training waits for the schedule, the poll or `retrain`), and keeps both schedules. */
  async start(): Promise<void> {
    await this.refresh();
    const every = (ms: number, run: () => Promise<unknown>) => {
      const timer = setInterval(() => run().catch((error: unknown) => this.deps.log.error({ err: error }, 'recommendation model upkeep failed')), ms);
      timer.unref();
      this.timers.push(timer);
    };
    if (this.settings.retrainMinutes > 0) every(this.settings.retrainMinutes * 60_000, () => this.retrain());
    // A new deployment has no behaviour at first: until a model exists, each poll tries to train one.
    every(POLL_MS, async () => {
      await this.refresh();
      if (!this.model) await this.retrain();
    });
  }

  async close(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    await this.training?.catch(() => undefined);
  }

  private async train(): Promise<TrainedModel | null> {
    const { db, log, now } = this.deps;
    const holder = randomUUID();
    const started = now();
    if (!(await claimTrainingLease(db, holder, started, new Date(started.getTime() + LEASE_MS)))) return null;
    try {
      const rows = await interactionsSince(db, new Date(started.getTime() - this.settings.windowDays * DAY_MS));
      if (rows.length === 0) return this.model;
      const weights = new Float32Array(rows.length);
      rows.forEach((row, n) => (weights[n] = decayed(interactionWeight(row.kind, row.rating), row.occurredAt, started, this.settings.halfLifeDays)));
      const version = (await latestModelVersion(db)) + 1;
      const body = await trainInWorker(
        {
          userIds: rows.map((row) => row.userId),
          itemKeys: rows.map((row) => itemKey(row.itemKind, row.itemId)),
          weights,
          options: { ...DEFAULT_TRAINING, als: { ...DEFAULT_TRAINING.als, factors: this.settings.factors, iterations: this.settings.iterations } },
          meta: { version, trainedAt: started.toISOString() },
        },
        (step, done, total) => log.debug({ step, done, total }, 'training recommendations'),
      );
      const model = deserializeModel(body);
      await insertModel(db, { version, trainedAt: started, stats: model.stats, body });
      this.model = model;
      log.info({ version, ...model.stats }, 'recommendation model trained');
      return model;
    } finally {
      await releaseTrainingLease(db, holder, now());
    }
  }
}
