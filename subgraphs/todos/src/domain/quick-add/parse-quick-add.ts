import * as chrono from 'chrono-node';
import { parseRecurrence, startSeries, occurrencesAfter, type RecurrenceRule } from '@mosaic/recurrence';
import { fromWallClock, toWallClock } from '../time-zone';
import { findRecurrencePhrase } from './recurrence-phrase';

/**
 * Quick add, Todoist style: "Pay rent every month on the 1st at 9am #home p1" becomes the title
 * "Pay rent", a due date, a rule, the label "home" and priority URGENT. Pure: the clock and the
 * user's time zone are given; "tomorrow at 9am" is 9am there.
 */
export interface QuickAddParse {
  title: string;
  dueAt: Date | null;
  recurrence: RecurrenceRule | null;
  /** Todoist's p1 (most urgent) … p4 as our priority names; null when none was given. */
  priority: 'URGENT' | 'HIGH' | 'MEDIUM' | 'LOW' | null;
  /** Label names as written after '#', in order, without duplicates (case-insensitive). */
  labels: string[];
}

export type QuickAddResult = { ok: true; parse: QuickAddParse } | { ok: false; problem: string };

const PRIORITIES = { '1': 'URGENT', '2': 'HIGH', '3': 'MEDIUM', '4': 'LOW' } as const;
/** A date without a time of day ("tomorrow") is due at this hour, in the user's zone. */
const DEFAULT_HOUR = 9;

interface Span {
  index: number;
  length: number;
}

/**
 * chrono-node and the rules read the text against the wall-clock time in `timeZone` as if it were
 * UTC; the dates they give are wall-clock times there, turned back into instants at the end.
 */
export function parseQuickAdd(text: string, now: Date, timeZone = 'UTC'): QuickAddResult {
  const result = parseAtWallClock(text, toWallClock(now, timeZone));
  if (!result.ok || !result.parse.dueAt) return result;
  return { ok: true, parse: { ...result.parse, dueAt: fromWallClock(result.parse.dueAt, timeZone) } };
}

function parseAtWallClock(text: string, now: Date): QuickAddResult {
  const cut: Span[] = [];
  const labels: string[] = [];
  for (const match of text.matchAll(/(?<=^|\s)#([^\s#]+)/gu)) {
    if (!labels.some((name) => name.toLowerCase() === match[1]!.toLowerCase())) labels.push(match[1]!);
    cut.push({ index: match.index, length: match[0].length });
  }
  let priority: QuickAddParse['priority'] = null;
  for (const match of text.matchAll(/(?<=^|\s)p([1-4])(?=\s|$)/giu)) {
    priority = PRIORITIES[match[1] as keyof typeof PRIORITIES];
    cut.push({ index: match.index, length: match[0].length });
  }

  const phrase = findRecurrencePhrase(blank(text, cut));
  let rule: RecurrenceRule | null = null;
  if (phrase) {
    const parsed = parseRecurrence(phrase.rule);
    if (!parsed.ok) return { ok: false, problem: `"${text.slice(phrase.index, phrase.index + phrase.length)}": ${parsed.problem}` };
    rule = parsed.rule;
    cut.push({ index: phrase.index, length: phrase.length });
  }

  const [when] = chrono.parse(blank(text, cut), { instant: now, timezone: 'UTC' }, { forwardDate: true });
  let dueAt: Date | null = null;
  if (when) {
    cut.push(withLeadingPreposition(text, { index: when.index, length: when.text.length }));
    dueAt = when.start.date();
    if (!when.start.isCertain('hour')) dueAt = atHour(dueAt, DEFAULT_HOUR, 0);
  }
  if (rule) {
    const start = firstOccurrence(rule, when ? { at: dueAt!, dateGiven: when.start.isCertain('day') || when.start.isCertain('weekday') } : null, now);
    if (!start.ok) return { ok: false, problem: `the repetition ${start.problem}` };
    dueAt = start.anchor;
  }

  const title = blank(text, cut).replace(/\s+/g, ' ').trim();
  if (title.length === 0) return { ok: false, problem: 'nothing is left for the title once the date, labels and priority are taken out' };
  return { ok: true, parse: { title, dueAt, recurrence: rule, priority, labels } };
}

/**
 * The first due date of a repeating quick add. A date given with it ("every day from Monday")
 * starts the series there; otherwise it is the rule's first occurrence from now on, at the time of
 * day given ("at 9am") or the default hour.
 */
function firstOccurrence(rule: RecurrenceRule, when: { at: Date; dateGiven: boolean } | null, now: Date): { ok: true; anchor: Date } | { ok: false; problem: string } {
  if (when?.dateGiven) return startSeries(rule, when.at, now);
  const time = when?.at ?? atHour(now, DEFAULT_HOUR, 0);
  let from = atHour(now, time.getUTCHours(), time.getUTCMinutes());
  if (from <= now) from = new Date(from.getTime() + 86_400_000);
  if (!/BY(DAY|MONTHDAY|MONTH|SETPOS)=/.test(rule.text)) return startSeries(rule, from, now);
  // A series started a day earlier, at that time of day, yields the rule's own days from `from` on.
  const [first] = occurrencesAfter(rule, new Date(from.getTime() - 86_400_000), new Date(from.getTime() - 1), 1);
  return first ? startSeries(rule, first, now) : { ok: false, problem: 'has no occurrence from now on' };
}

function atHour(day: Date, hour: number, minute: number): Date {
  return new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), hour, minute));
}

/** The text with the spans replaced by spaces, so indexes stay valid for the next pass. */
function blank(text: string, spans: Span[]): string {
  let out = text;
  for (const { index, length } of spans) out = out.slice(0, index) + ' '.repeat(length) + out.slice(index + length);
  return out;
}

/** "due on Friday": the preposition before a date goes with it. */
function withLeadingPreposition(text: string, span: Span): Span {
  const before = /(?:^|\s)(on|at|by|due|from|starting)\s+$/i.exec(text.slice(0, span.index));
  if (!before) return span;
  const start = before.index + before[0].length - before[0].trimStart().length;
  return { index: start, length: span.index + span.length - start };
}
