import { UserInputError } from '@mosaic/kit';
import type { TodoRow } from '../data/tables';
import { seriesOf } from './schedule';
import { upcomingOccurrencesIn } from './zoned-series';

export const MAX_OCCURRENCES = 50;
/** How far ahead `after` may look: bounds the rrule walk for MONTHLY/YEARLY rules (see @mosaic/recurrence). */
const MAX_LOOKAHEAD_YEARS = 10;

/**
 * `Todo.upcomingOccurrences`: the current due date, then (for a recurring todo) the dates its rule
 * produces — all after `after` when given. Computed, never stored.
 */
export function upcomingOccurrencesOf(todo: TodoRow, args: { first?: number | null; after?: string | null }, now: Date): Date[] {
  const first = args.first ?? 5;
  if (!Number.isInteger(first) || first < 1 || first > MAX_OCCURRENCES) {
    throw new UserInputError(`"first" must be between 1 and ${MAX_OCCURRENCES}.`, 'first');
  }
  const after = args.after ? new Date(args.after) : null;
  const horizon = new Date(now);
  horizon.setUTCFullYear(horizon.getUTCFullYear() + MAX_LOOKAHEAD_YEARS);
  if (after && after > horizon) throw new UserInputError(`"after" must be at most ${MAX_LOOKAHEAD_YEARS} years from now.`, 'after');
  if (todo.done || !todo.dueAt) return [];
  const series = seriesOf(todo);
  if (!series) return !after || todo.dueAt > after ? [todo.dueAt] : [];
  return upcomingOccurrencesIn(series.timeZone, series.rule, series.anchor, series.dueAt, after, first);
}
