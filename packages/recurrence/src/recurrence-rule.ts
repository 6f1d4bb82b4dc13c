import { RRule, type RRuleOptions } from './rrule-lib';

/**
 * The subset of RFC 5545 RRULE that Mosaic accepts. rrule.js parses far more loosely
 * ("FREQ=SOMETIMES", "COUNT=x" and "BYDAY=XX" all pass), and it only stops at a matching date or
 * at year 9999, so a rule that rarely or never matches can burn seconds of CPU. The grammar below
 * therefore admits only what to-do and budgeting apps need, with value ranges checked here; DAILY and WEEKLY
 * rules in it match at least once a week, and MONTHLY/YEARLY rules are checked for feasibility
 * when a series starts (recurrence.ts).
 */
export interface RecurrenceRule {
  /** Canonical text: upper case, parts in a fixed order, e.g. "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH". */
  text: string;
  freq: Frequency;
  interval: number;
  count: number | null;
  /** Whether BYDAY narrows the rule to some weekdays. */
  byDay: boolean;
  /** rrule.js options parsed from `text`, without DTSTART. */
  options: Partial<RRuleOptions>;
}

export type RuleResult = { ok: true; rule: RecurrenceRule } | { ok: false; problem: string };

export const MAX_RULE_LENGTH = 200;
const FREQUENCIES = ['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'] as const;
type Frequency = (typeof FREQUENCIES)[number];
const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
/** Supported parts, in the order the canonical text lists them. */
const PARTS = ['FREQ', 'INTERVAL', 'COUNT', 'UNTIL', 'BYMONTH', 'BYMONTHDAY', 'BYDAY', 'BYSETPOS', 'WKST'] as const;
type Part = (typeof PARTS)[number];

class RuleProblem extends Error {}

/** Declared as a function (not an arrow) so TypeScript narrows after calls to it. */
function problem(message: string): never {
  throw new RuleProblem(message);
}

export function parseRecurrence(input: string): RuleResult {
  try {
    return { ok: true, rule: parse(input) };
  } catch (error) {
    if (error instanceof RuleProblem) return { ok: false, problem: error.message };
    throw error;
  }
}

/** For rules read back from storage, which were valid when written. */
export function storedRecurrence(text: string): RecurrenceRule {
  const result = parseRecurrence(text);
  if (!result.ok) throw new Error(`Stored recurrence "${text}" is invalid: ${result.problem}`);
  return result.rule;
}

function parse(input: string): RecurrenceRule {
  // RFC 5545 names and values are case-insensitive; the "RRULE:" property name is optional here.
  const text = input.trim().toUpperCase().replace(/^RRULE:/, '');
  if (text.length === 0) problem('must not be empty, e.g. "FREQ=WEEKLY;BYDAY=MO"');
  if (text.length > MAX_RULE_LENGTH) problem(`must be at most ${MAX_RULE_LENGTH} characters`);
  const parts = splitParts(text);

  const freq = parts.get('FREQ') ?? problem('needs FREQ, e.g. "FREQ=WEEKLY;BYDAY=MO"');
  if (!isFrequency(freq)) problem(`FREQ=${freq} is not supported; use DAILY, WEEKLY, MONTHLY or YEARLY`);
  const f: Frequency = freq;
  const periodic = f === 'MONTHLY' || f === 'YEARLY';

  const interval = integerPart(parts, 'INTERVAL', 1, 366) ?? 1;
  const count = integerPart(parts, 'COUNT', 1, 1000);
  const until = parts.get('UNTIL');
  if (count !== undefined && until !== undefined) problem('COUNT and UNTIL cannot both be given');
  if (until !== undefined) untilDate(until);

  const byMonth = integerList(parts, 'BYMONTH', 1, 12, false);
  const byMonthDay = integerList(parts, 'BYMONTHDAY', 1, 31, true);
  const bySetPos = integerList(parts, 'BYSETPOS', 1, 366, true);
  const byDayText = parts.get('BYDAY');
  const byDay = byDayText === undefined ? undefined : weekdayList(byDayText, f, byMonth !== undefined);
  const weekStart = parts.get('WKST');
  if (weekStart !== undefined && !WEEKDAYS.includes(weekStart)) problem(`WKST=${weekStart} is not a weekday (MO … SU)`);

  if (!periodic && (byMonth || byMonthDay || bySetPos)) problem('BYMONTH, BYMONTHDAY and BYSETPOS need FREQ=MONTHLY or FREQ=YEARLY');
  // With an interval of 7 days, "every 7 days on Mondays" would only ever match if it started on a Monday.
  if (f === 'DAILY' && byDay && interval !== 1) problem('BYDAY with FREQ=DAILY needs INTERVAL=1; use FREQ=WEEKLY for every few weeks');
  if (bySetPos && !byDay && !byMonthDay) problem('BYSETPOS needs BYDAY or BYMONTHDAY');

  const canonical: Partial<Record<Part, string>> = {
    FREQ: f,
    ...(interval !== 1 ? { INTERVAL: String(interval) } : {}),
    ...(count !== undefined ? { COUNT: String(count) } : {}),
    ...(until !== undefined ? { UNTIL: until } : {}),
    ...(byMonth ? { BYMONTH: byMonth.join(',') } : {}),
    ...(byMonthDay ? { BYMONTHDAY: byMonthDay.join(',') } : {}),
    ...(byDay ? { BYDAY: byDay.join(',') } : {}),
    ...(bySetPos ? { BYSETPOS: bySetPos.join(',') } : {}),
    ...(weekStart !== undefined ? { WKST: weekStart } : {}),
  };
  const normalised = PARTS.flatMap((name) => (canonical[name] === undefined ? [] : [`${name}=${canonical[name]}`])).join(';');
  return { text: normalised, freq: f, interval, count: count ?? null, byDay: byDay !== undefined, options: RRule.parseString(normalised) };
}

function isFrequency(value: string): value is Frequency {
  return (FREQUENCIES as readonly string[]).includes(value);
}

function isPart(value: string): value is Part {
  return (PARTS as readonly string[]).includes(value);
}

function splitParts(text: string): Map<Part, string> {
  const parts = new Map<Part, string>();
  for (const part of text.split(';').filter(Boolean)) {
    const match = /^([A-Z]+)=([^=]+)$/.exec(part);
    if (!match) problem(`"${part.slice(0, 40)}" is not NAME=VALUE`);
    const [, name = '', value = ''] = match;
    if (!isPart(name)) problem(`${name} is not supported (supported: ${PARTS.join(', ')})`);
    if (parts.has(name)) problem(`${name} is given twice`);
    parts.set(name, value);
  }
  return parts;
}

function integerPart(parts: Map<Part, string>, name: Part, min: number, max: number): number | undefined {
  const value = parts.get(name);
  if (value === undefined) return undefined;
  const n = /^\d{1,4}$/.test(value) ? Number(value) : NaN;
  if (!(n >= min && n <= max)) problem(`${name} must be a whole number from ${min} to ${max}`);
  return n;
}

/** Comma-separated integers; `signed` lists also accept -max … -1 (counting from the end). */
function integerList(parts: Map<Part, string>, name: Part, min: number, max: number, signed: boolean): number[] | undefined {
  const value = parts.get(name);
  if (value === undefined) return undefined;
  const items = value.split(',');
  if (items.length > 31) problem(`${name} lists too many values`);
  const numbers = items.map((item) => {
    const n = /^[+-]?\d{1,3}$/.test(item) ? Number(item) : NaN;
    const magnitude = Math.abs(n);
    if (!(magnitude >= min && magnitude <= max) || (!signed && n < 0)) {
      problem(`${name} values must be ${signed ? `from -${max} to -${min} or ` : ''}from ${min} to ${max}`);
    }
    return n;
  });
  return [...new Set(numbers)];
}

/** "MO", or with an ordinal "2TU" / "-1FR" (the n-th weekday of the month or year). */
function weekdayList(value: string, freq: Frequency, hasByMonth: boolean): string[] {
  const items = value.split(',');
  if (items.length > 35) problem('BYDAY lists too many values');
  // RFC 5545 allows ordinals only with MONTHLY and YEARLY; within a month there are at most 5 of a weekday.
  const maxOrdinal = freq === 'MONTHLY' || (freq === 'YEARLY' && hasByMonth) ? 5 : freq === 'YEARLY' ? 53 : 0;
  const days = items.map((item) => {
    const match = /^([+-]?\d{1,2})?([A-Z]{2})$/.exec(item);
    const weekday = match?.[2] ?? '';
    if (!match || !WEEKDAYS.includes(weekday)) problem(`BYDAY value "${item.slice(0, 10)}" is not a weekday such as MO, 2TU or -1FR`);
    if (match[1] === undefined) return weekday;
    const ordinal = Number(match[1]);
    if (maxOrdinal === 0) problem(`BYDAY ordinals such as "${item}" need FREQ=MONTHLY or FREQ=YEARLY`);
    if (ordinal === 0 || Math.abs(ordinal) > maxOrdinal) problem(`BYDAY ordinal in "${item}" must be from -${maxOrdinal} to ${maxOrdinal}, not 0`);
    return `${ordinal}${weekday}`;
  });
  return [...new Set(days)];
}

/** UNTIL as a UTC DATE-TIME (…Z) or a DATE; floating local times are refused since rules run in UTC. */
function untilDate(value: string): Date {
  const match = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})Z)?$/.exec(value);
  if (!match) problem('UNTIL must be a UTC date-time such as 20271231T235959Z, or a date such as 20271231');
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = match.slice(1).map((part) => Number(part ?? 0));
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) {
    problem(`UNTIL=${value} is not a real date`);
  }
  return date;
}
