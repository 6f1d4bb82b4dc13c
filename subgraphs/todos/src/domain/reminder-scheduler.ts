import { PeriodicJob, type Db, type Logger } from '@mosaic/kit';
import type { ReminderRow } from '../data/tables';
import type { TodosOutbox } from '../events';
import { fireDueReminders } from './reminders';

export type ReminderScheduler = PeriodicJob<ReminderRow[]>;

/** Fires due reminders every `intervalMs` on every replica (they share the work through row locks). */
export function reminderScheduler(deps: { db: Db; events: TodosOutbox; now: () => Date; log: Logger; intervalMs: number }): ReminderScheduler {
  return new PeriodicJob({
    intervalMs: deps.intervalMs,
    log: deps.log,
    step: () => fireDueReminders(deps.db, deps.events, deps.now()),
    report: (fired, log) => {
      if (fired.length > 0) log.info({ reminders: fired.map((reminder) => reminder.id) }, 'fired due reminders');
    },
    failure: 'due reminders not fired this time; retrying on the next tick',
  });
}
