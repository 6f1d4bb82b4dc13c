import type { Logger } from '../logger';

export interface PeriodicJobOptions<T> {
  intervalMs: number;
  log: Logger;
  /** One round of the work; replicas share it through row locks (SKIP LOCKED), not through this class. */
  step: () => Promise<T>;
  /** Logs what a round did (called only after a round that succeeded on a tick). */
  report: (result: T, log: Logger) => void;
  /** Logged with the error when a tick's round fails; the next tick tries again. */
  failure: string;
}

/**
 * Runs `step` every `intervalMs` on every replica. One round at a time per process: a tick that
 * finds a round still running is skipped, and `runOnce` (tests, and every tick) waits for it.
 */
export class PeriodicJob<T> {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<T> | null = null;

  constructor(private readonly options: PeriodicJobOptions<T>) {}

  start(): void {
    this.timer = setInterval(() => void this.tick(), this.options.intervalMs);
    this.timer.unref();
  }

  /** One round now: what it did. */
  async runOnce(): Promise<T> {
    while (this.running) await this.running.catch(() => undefined);
    this.running = this.options.step();
    try {
      return await this.running;
    } finally {
      this.running = null;
    }
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    try {
      this.options.report(await this.runOnce(), this.options.log);
    } catch (error) {
      this.options.log.warn({ err: error }, this.options.failure);
    }
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }
}
