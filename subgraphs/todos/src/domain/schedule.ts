import { UserInputError } from '@mosaic/kit';
import type { TodoRow } from '../data/tables';
import { storedRecurrence, type RecurrenceRule } from '@mosaic/recurrence';
import { DEFAULT_TIME_ZONE } from './time-zone';
import { startSeriesIn } from './zoned-series';

export interface Schedule {
  dueAt: Date | null;
  recurrence: string | null;
  recurrenceAnchor: Date | null;
  timeZone: string;
}

/**
 * The timing columns for a todo whose due date or rule is being set: a rule starts its series at
 * the due date (or at its first occurrence after now, for an undated todo), in the owner's zone.
 */
export function schedule(rule: RecurrenceRule | null, dueAt: Date | null, now: Date, timeZone: string): Schedule {
  if (!rule) return { dueAt, recurrence: null, recurrenceAnchor: null, timeZone };
  const start = startSeriesIn(timeZone, rule, dueAt, now);
  if (!start.ok) throw new UserInputError(`input.recurrence: ${start.problem}.`, 'input.recurrence');
  return { dueAt: start.anchor, recurrence: rule.text, recurrenceAnchor: start.anchor, timeZone };
}

export interface Series {
  rule: RecurrenceRule;
  anchor: Date;
  dueAt: Date;
  /** The zone the rule repeats in. */
  timeZone: string;
}

/** The series of a recurring todo; null when it does not recur. The table's CHECKs guarantee the parts. */
export function seriesOf(todo: TodoRow): Series | null {
  if (todo.recurrence === null) return null;
  if (!todo.recurrenceAnchor || !todo.dueAt) throw new Error(`Todo ${todo.id} recurs without an anchor or due date.`);
  return { rule: storedRecurrence(todo.recurrence), anchor: todo.recurrenceAnchor, dueAt: todo.dueAt, timeZone: todo.timeZone ?? DEFAULT_TIME_ZONE };
}
