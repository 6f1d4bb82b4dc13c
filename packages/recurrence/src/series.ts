import type { RecurrenceRule } from './recurrence-rule';
import { RRule } from './rrule-lib';

/**
 * A recurring series (a todo's due dates, a recurring transaction's days) is an anchor (RFC 5545
 * DTSTART, the first occurrence) and a rule. As in RFC 5545 the anchor is always the first occurrence, even when the rule would not produce it
 * ("FREQ=WEEKLY;BYDAY=MO" started on a Wednesday), and it counts towards COUNT. All of it runs in
 * UTC: the rule's weekdays and times of day are those of the anchor in UTC.
 */

/** rrule.js iterates no further than year 9999. */
const END_OF_TIME = new Date(Date.UTC(9999, 11, 31, 23, 59, 59, 999));
const CALENDAR_CYCLE_YEARS = 400;
/** Feasibility is checked on a copy of the series moved into (LATEST_CHECK_YEAR - 400, LATEST_CHECK_YEAR]. */
const LATEST_CHECK_YEAR = 9599;

export type SeriesStart = { ok: true; anchor: Date } | { ok: false; problem: string };

/**
 * Where a series set now begins: at `dueAt` when one is given; otherwise at the rule's first
 * occurrence after `now` (so "every Monday" set on a Wednesday is first due on Monday).
 */
export function startSeries(rule: RecurrenceRule, dueAt: Date | null, now: Date): SeriesStart {
  const start = dueAt ?? now;
  if (!occursAtAll(rule, start)) return { ok: false, problem: 'never produces a date (for example February 30)' };
  if (dueAt) return { ok: true, anchor: dueAt };
  // COUNT numbers occurrences from the anchor chosen here, so it plays no part in choosing it.
  const first = new RRule({ ...rule.options, count: null, dtstart: now }).after(now, false);
  if (!first) return { ok: false, problem: 'has no occurrence after now (its UNTIL has passed)' };
  return { ok: true, anchor: first };
}

/**
 * The due dates a todo will have: `dueAt` (the current occurrence) first, then later ones, all
 * strictly after `after` when given; at most `limit`.
 */
export function upcomingOccurrences(rule: RecurrenceRule, anchor: Date, dueAt: Date, after: Date | null, limit: number): Date[] {
  const lowerBound = after && after >= dueAt ? after : new Date(dueAt.getTime() - 1);
  return occurrencesAfter(rule, evaluationStart(rule, anchor, dueAt), lowerBound, limit);
}

/** The first occurrence strictly after both `dueAt` and `instant`; null when the series has ended. */
export function nextOccurrence(rule: RecurrenceRule, anchor: Date, dueAt: Date, instant: Date): Date | null {
  const lowerBound = instant > dueAt ? instant : dueAt;
  return occurrencesAfter(rule, evaluationStart(rule, anchor, dueAt), lowerBound, 1)[0] ?? null;
}

/**
 * rrule.js walks from DTSTART on every call. Without COUNT the series from the current due date
 * (itself an occurrence) has the same future as the one from the anchor, and is much shorter to
 * walk for an old series; with COUNT only the anchor numbers the occurrences right.
 */
function evaluationStart(rule: RecurrenceRule, anchor: Date, dueAt: Date): Date {
  return rule.count === null ? dueAt : anchor;
}

/** Occurrences of the series starting at `start` that are strictly after `after`, at most `limit`. */
export function occurrencesAfter(rule: RecurrenceRule, seriesStart: Date, after: Date, limit: number): Date[] {
  const start = closerStart(rule, seriesStart, after);
  const out: Date[] = [];
  const startMatches = new RRule({ ...rule.options, count: null, dtstart: start }).after(start, true)?.getTime() === start.getTime();
  // RFC 5545: DTSTART is the first occurrence (and uses up one of COUNT) even when the rule skips it.
  if (!startMatches && start > after) out.push(start);
  const remaining = rule.count === null ? null : rule.count - (startMatches ? 0 : 1);
  if (remaining === 0 || out.length >= limit) return out;
  const rest = new RRule({ ...rule.options, count: remaining, dtstart: start });
  const wanted = limit - out.length;
  return out.concat(rest.between(after, END_OF_TIME, false, (_date, taken) => taken < wanted));
}

const DAY_MS = 86_400_000;

/**
 * rrule.js walks period by period from DTSTART, so asking for dates years after an old start of a
 * DAILY rule costs thousands of steps. DAILY and WEEKLY periods have a fixed length in UTC: a start
 * moved forward by whole steps of the rule's grid (INTERVAL periods; whole weeks when BYDAY picks
 * weekdays) has the same future. The moved start stays at or before `after`, so it is never
 * reported itself. COUNT numbers occurrences from the real start, so such rules are not moved.
 */
function closerStart(rule: RecurrenceRule, start: Date, after: Date): Date {
  if (rule.count !== null) return start;
  const stepDays = rule.freq === 'DAILY' ? (rule.byDay ? 7 : rule.interval) : rule.freq === 'WEEKLY' ? 7 * rule.interval : 0;
  if (stepDays === 0) return start;
  const steps = Math.floor((after.getTime() - start.getTime()) / (stepDays * DAY_MS));
  return steps > 0 ? new Date(start.getTime() + steps * stepDays * DAY_MS) : start;
}

/**
 * Whether the rule produces any date at all. rrule.js gives up on a rule that never matches only
 * at year 9999, walking period by period (seconds of CPU for DAILY), so the walk is bounded
 * instead: the check runs on a copy of the series moved forward by a multiple of 400 years into
 * the last centuries before 9999. The Gregorian calendar repeats every 400 years, so the copy
 * matches exactly where the original does, and its walk is at most 800 years long.
 * DAILY and WEEKLY rules in the accepted grammar match every week.
 */
function occursAtAll(rule: RecurrenceRule, start: Date): boolean {
  if (rule.freq === 'DAILY' || rule.freq === 'WEEKLY') return true;
  const year = start.getUTCFullYear();
  const cycles = Math.max(0, Math.floor((LATEST_CHECK_YEAR - year) / CALENDAR_CYCLE_YEARS));
  const shifted = new Date(start);
  shifted.setUTCFullYear(year + cycles * CALENDAR_CYCLE_YEARS);
  return new RRule({ ...rule.options, count: null, until: null, dtstart: shifted }).after(shifted, true) !== null;
}
