/**
 * RFC 5545 recurrence rules shared by the subgraphs that repeat things (todos' due dates,
 * expenses' recurring transactions): a strict, bounded RRULE grammar over rrule.js, and series
 * arithmetic (start, next, upcoming) in UTC.
 */
export { parseRecurrence, storedRecurrence, MAX_RULE_LENGTH, type RecurrenceRule, type RuleResult } from './recurrence-rule';
export { startSeries, upcomingOccurrences, nextOccurrence, occurrencesAfter, type SeriesStart } from './series';
export { RRule, type RRuleOptions } from './rrule-lib';
