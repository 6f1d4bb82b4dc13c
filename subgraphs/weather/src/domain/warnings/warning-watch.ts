import type { Db, Logger, PubSub } from '@mosaic/kit';
import { findSavedLocationsAt, findWatchedPoints, recordWarnings } from '../../data/saved-locations-repo';
import type { SavedLocationRow } from '../../data/tables';
import { pointKey } from '../coordinates';
import type { Forecasts } from '../forecast/forecasts';
import type { GeoPoint, HourlyReport } from '../model';
import { evaluateWarnings, thresholdsOf, warningsDigest } from './evaluate-warnings';
import { warningsTopic, type WarningsEvent } from './warning-events';

const PAGE = 500;

/**
 * Weather warnings for saved locations. Every fresh hourly forecast (whoever's request fetched it)
 * is evaluated against the thresholds of the locations at that point, and each location whose
 * warnings changed is announced on its owner's topic. A periodic pass asks for the hourly forecast
 * of every watched point, which refreshes the expired ones — so warnings follow the forecast even
 * when nobody is looking. Replicas may evaluate the same refresh: the conditional write in
 * `recordWarnings` lets exactly one of them announce a change.
 */
export class WarningWatch {
  private timer: NodeJS.Timeout | null = null;
  private pass: Promise<void> | null = null;
  private readonly evaluations = new Set<Promise<void>>();
  private stopListening: (() => void) | null = null;

  constructor(private readonly deps: { db: Db; forecasts: Forecasts; pubsub: PubSub; log: Logger; now: () => Date; intervalMs: number }) {}

  start(): void {
    this.stopListening = this.deps.forecasts.onHourlyRefreshed((point, report) => this.track(this.evaluatePoint(point, report)));
    this.timer = setInterval(() => void this.refreshAll(), this.deps.intervalMs);
    this.timer.unref();
  }

  /** One pass over every watched point (joins a pass in progress). */
  refreshAll(): Promise<void> {
    this.pass ??= this.walk().finally(() => {
      this.pass = null;
    });
    return this.pass;
  }

  /** Resolves when every evaluation started so far has finished (tests). */
  async settled(): Promise<void> {
    while (this.evaluations.size > 0) await Promise.all([...this.evaluations]);
  }

  private track(evaluation: Promise<void>): void {
    const tracked = evaluation.catch((error: unknown) => this.deps.log.warn({ err: error }, 'evaluating weather warnings failed'));
    this.evaluations.add(tracked);
    void tracked.finally(() => this.evaluations.delete(tracked));
  }

  private async walk(): Promise<void> {
    let after: string | null = null;
    for (;;) {
      const points = await findWatchedPoints(this.deps.db, after, PAGE);
      for (const point of points) {
        // A fresh forecast reaches evaluatePoint through onHourlyRefreshed; a cached one changed nothing.
        await this.deps.forecasts.hourly(point).catch((error: unknown) => this.deps.log.warn({ err: error, point: point.gridKey }, 'no hourly forecast for a watched point'));
      }
      if (points.length < PAGE) return;
      after = points.at(-1)!.gridKey;
    }
  }

  private async evaluatePoint(point: GeoPoint, report: HourlyReport): Promise<void> {
    for (const location of await findSavedLocationsAt(this.deps.db, pointKey(point))) await this.evaluate(location, report);
  }

  /** Evaluates one location against a forecast and announces its warnings if they changed. */
  async evaluate(location: SavedLocationRow, report: HourlyReport): Promise<void> {
    const now = this.deps.now();
    const warnings = evaluateWarnings(report.hours, thresholdsOf(location), now.getTime());
    const changed = await recordWarnings(this.deps.db, location.id, warningsDigest(warnings), now);
    if (!changed) return;
    const event: WarningsEvent = { locationId: location.id, ownerId: location.ownerId, warnings, evaluatedAt: now.toISOString() };
    await this.deps.pubsub.publish(warningsTopic(location.ownerId), event);
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.stopListening?.();
    await this.pass;
    await this.settled();
  }
}
