import type { Db, Logger } from '@mosaic/kit';
import type { ReminderRow } from '../data/tables';
import type { TodosOutbox } from '../events';
import { fireDueReminders } from './reminders';

/**
 * Runs `fireDueReminders` every `intervalMs` on every replica (they share the work through row
 * locks). One step at a time per process; a failed step is logged and retried on the next tick.
 */
export class ReminderScheduler {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<ReminderRow[]> | null = null;

  constructor(private readonly deps: { db: Db; events: TodosOutbox; now: () => Date; log: Logger; intervalMs: number }) {}

  start(): void {
    this.timer = setInterval(() => void this.tick(), this.deps.intervalMs);
    this.timer.unref();
  }

  /** One step now (tests, and every tick): what it fired. */
  async runOnce(): Promise<ReminderRow[]> {
    while (this.running) await this.running.catch(() => []);
    this.running = fireDueReminders(this.deps.db, this.deps.events, this.deps.now());
    try {
      return await this.running;
    } finally {
      this.running = null;
    }
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    try {
      const fired = await this.runOnce();
      if (fired.length > 0) this.deps.log.info({ reminders: fired.map((reminder) => reminder.id) }, 'fired due reminders');
    } catch (error) {
      this.deps.log.warn({ err: error }, 'due reminders not fired this time; retrying on the next tick');
    }
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => []);
  }
}
