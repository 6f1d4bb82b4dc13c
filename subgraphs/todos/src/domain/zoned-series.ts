import { nextOccurrence, startSeries, upcomingOccurrences, type RecurrenceRule, type SeriesStart } from '@mosaic/recurrence';
import { fromWallClock, toWallClock } from './time-zone';

/**
 * @mosaic/recurrence evaluates rules in UTC. A todo's rule repeats in its owner's zone (RFC
 * 5545's DTSTART;TZID): the series is evaluated on wall-clock times and the results turned back
 * into instants, so "every day at 9am" is 9am there before and after daylight saving time
 * changes, and BYDAY means that zone's weekdays. UNTIL is compared as a wall-clock time too.
 */
const wall = (instant: Date, zone: string) => toWallClock(instant, zone);

export function startSeriesIn(zone: string, rule: RecurrenceRule, dueAt: Date | null, now: Date): SeriesStart {
  const start = startSeries(rule, dueAt && wall(dueAt, zone), wall(now, zone));
  return start.ok ? { ok: true, anchor: dueAt ?? fromWallClock(start.anchor, zone) } : start;
}

export function nextOccurrenceIn(zone: string, rule: RecurrenceRule, anchor: Date, dueAt: Date, instant: Date): Date | null {
  const next = nextOccurrence(rule, wall(anchor, zone), wall(dueAt, zone), wall(instant, zone));
  return next && fromWallClock(next, zone);
}

export function upcomingOccurrencesIn(zone: string, rule: RecurrenceRule, anchor: Date, dueAt: Date, after: Date | null, limit: number): Date[] {
  return upcomingOccurrences(rule, wall(anchor, zone), wall(dueAt, zone), after && wall(after, zone), limit).map((date) => fromWallClock(date, zone));
}
