/**
 * "every …" phrases of quick add, as RFC 5545 rules for `@mosaic/recurrence` (which validates
 * them). chrono-node reads dates, not repetitions, so this small grammar takes the repetition out
 * first and leaves the time of day ("at 9am") to chrono. Days and times are UTC, like every rule.
 */
export interface RecurrencePhrase {
  rule: string;
  /** Where the phrase is in the text, to cut it out of the title. */
  index: number;
  length: number;
}

const WEEKDAYS: Record<string, string> = {
  monday: 'MO', mon: 'MO', tuesday: 'TU', tue: 'TU', tues: 'TU', wednesday: 'WE', wed: 'WE', thursday: 'TH', thu: 'TH', thurs: 'TH',
  friday: 'FR', fri: 'FR', saturday: 'SA', sat: 'SA', sunday: 'SU', sun: 'SU',
};
const WEEKDAY = '(?:monday|mon|tuesday|tues|tue|wednesday|wed|thursday|thurs|thu|friday|fri|saturday|sat|sunday|sun)s?';
const UNITS: Record<string, string> = { day: 'DAILY', week: 'WEEKLY', month: 'MONTHLY', year: 'YEARLY' };
const ORDINAL = '(\\d{1,2})(?:st|nd|rd|th)?';

interface Pattern {
  pattern: RegExp;
  rule: (match: RegExpExecArray) => string | null;
}

/** Most specific first: "every month on the 1st" before "every month". */
const PATTERNS: Pattern[] = [
  { pattern: /\bevery\s+(?:month\s+on\s+the\s+last\s+day|last\s+day\s+of\s+(?:the\s+)?month)\b/i, rule: () => 'FREQ=MONTHLY;BYMONTHDAY=-1' },
  { pattern: new RegExp(`\\bevery\\s+month\\s+on\\s+the\\s+${ORDINAL}\\b`, 'i'), rule: (m) => monthDay(m[1]!) },
  { pattern: new RegExp(`\\bevery\\s+${ORDINAL}\\s+of\\s+(?:the\\s+|each\\s+)?month\\b`, 'i'), rule: (m) => monthDay(m[1]!) },
  { pattern: /\bevery\s+(?:weekday|work\s*day)\b/i, rule: () => 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR' },
  { pattern: /\bevery\s+weekend\b/i, rule: () => 'FREQ=WEEKLY;BYDAY=SA,SU' },
  {
    pattern: new RegExp(`\\bevery\\s+(${WEEKDAY}(?:\\s*(?:,|and|&)\\s*${WEEKDAY})*)\\b`, 'i'),
    rule: (m) => `FREQ=WEEKLY;BYDAY=${[...new Set(m[1]!.toLowerCase().split(/\s*(?:,|and|&)\s*/).map((day) => WEEKDAYS[day.replace(/s$/, '')] ?? WEEKDAYS[day]!))].join(',')}`,
  },
  { pattern: /\bevery\s+other\s+(day|week|month|year)\b/i, rule: (m) => `FREQ=${UNITS[m[1]!.toLowerCase()]};INTERVAL=2` },
  { pattern: /\bevery\s+(\d{1,3})\s+(day|week|month|year)s?\b/i, rule: (m) => interval(m[1]!, m[2]!) },
  { pattern: /\bevery\s+(day|week|month|year)\b/i, rule: (m) => `FREQ=${UNITS[m[1]!.toLowerCase()]}` },
  { pattern: /\b(daily|weekly|monthly|yearly|annually)\b/i, rule: (m) => `FREQ=${m[1]!.toLowerCase() === 'annually' ? 'YEARLY' : m[1]!.toUpperCase()}` },
];

function monthDay(day: string): string | null {
  const n = Number(day);
  return n >= 1 && n <= 31 ? `FREQ=MONTHLY;BYMONTHDAY=${n}` : null;
}

function interval(count: string, unit: string): string | null {
  const n = Number(count);
  if (n < 1) return null;
  const freq = UNITS[unit.toLowerCase()]!;
  return n === 1 ? `FREQ=${freq}` : `FREQ=${freq};INTERVAL=${n}`;
}

/** The first repetition phrase in `text`, or null when it does not repeat. */
export function findRecurrencePhrase(text: string): RecurrencePhrase | null {
  for (const { pattern, rule } of PATTERNS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const made = rule(match);
    if (made) return { rule: made, index: match.index, length: match[0].length };
  }
  return null;
}
