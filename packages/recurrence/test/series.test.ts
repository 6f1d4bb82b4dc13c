import { describe, expect, it } from 'vitest';
import { nextOccurrence, occurrencesAfter, startSeries, upcomingOccurrences } from '../src/series';
import { RRule } from '../src/rrule-lib';
import { parseRecurrence, type RecurrenceRule } from '../src/recurrence-rule';

const rule = (text: string): RecurrenceRule => {
  const result = parseRecurrence(text);
  if (!result.ok) throw new Error(result.problem);
  return result.rule;
};
const at = (iso: string) => new Date(iso);
const iso = (dates: Date[]) => dates.map((date) => date.toISOString());
/** Wednesday. */
const NOW = at('2026-11-25T12:00:00.000Z');

describe('startSeries', () => {
  it('starts at the due date when there is one, even off the rule’s pattern', () => {
    expect(startSeries(rule('FREQ=WEEKLY;BYDAY=MO'), NOW, NOW)).toEqual({ ok: true, anchor: NOW });
  });

  it('without a due date, starts at the first occurrence after now', () => {
    expect(startSeries(rule('FREQ=WEEKLY;BYDAY=MO'), null, NOW)).toEqual({ ok: true, anchor: at('2026-11-30T12:00:00.000Z') });
    expect(startSeries(rule('FREQ=DAILY'), null, NOW)).toEqual({ ok: true, anchor: at('2026-11-26T12:00:00.000Z') });
    expect(startSeries(rule('FREQ=DAILY;COUNT=1'), null, NOW)).toEqual({ ok: true, anchor: at('2026-11-26T12:00:00.000Z') });
    expect(startSeries(rule('FREQ=DAILY;UNTIL=20200101'), null, NOW)).toMatchObject({ ok: false, problem: expect.stringMatching(/UNTIL has passed/) });
  });

  it.each(['FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30', 'FREQ=MONTHLY;BYMONTH=4;BYMONTHDAY=31', 'FREQ=MONTHLY;BYDAY=MO;BYSETPOS=6', 'FREQ=YEARLY;INTERVAL=4;BYMONTH=2;BYMONTHDAY=29'])(
    'refuses %s, which never occurs from this start (the search stops at a horizon)',
    (text) => {
      // 2027: every 4th year from it is not a leap year, so "February 29" never comes.
      expect(startSeries(rule(text), at('2027-01-10T09:00:00Z'), NOW)).toMatchObject({ ok: false, problem: expect.stringMatching(/never produces a date/) });
    },
  );

  it('accepts rare but real dates', () => {
    expect(startSeries(rule('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29'), null, NOW)).toEqual({ ok: true, anchor: at('2028-02-29T12:00:00.000Z') });
  });
});

describe('occurrences', () => {
  it('counts an off-pattern start as the first occurrence, also towards COUNT (RFC 5545)', () => {
    const start = at('2026-11-25T09:00:00.000Z');
    expect(iso(occurrencesAfter(rule('FREQ=WEEKLY;BYDAY=MO;COUNT=3'), start, new Date(0), 10))).toEqual([
      '2026-11-25T09:00:00.000Z',
      '2026-11-30T09:00:00.000Z',
      '2026-12-07T09:00:00.000Z',
    ]);
    // On-pattern, the start is simply the rule's first date.
    expect(iso(occurrencesAfter(rule('FREQ=WEEKLY;COUNT=2'), start, new Date(0), 10))).toEqual(['2026-11-25T09:00:00.000Z', '2026-12-02T09:00:00.000Z']);
  });

  it('upcoming: the current due date first, then later dates, respecting `after` and the limit', () => {
    const monthly = rule('FREQ=MONTHLY;BYMONTHDAY=-1');
    const anchor = at('2026-01-31T08:00:00.000Z');
    const dueAt = at('2026-11-30T08:00:00.000Z');
    expect(iso(upcomingOccurrences(monthly, anchor, dueAt, null, 3))).toEqual(['2026-11-30T08:00:00.000Z', '2026-12-31T08:00:00.000Z', '2027-01-31T08:00:00.000Z']);
    expect(iso(upcomingOccurrences(monthly, anchor, dueAt, at('2027-01-01T00:00:00Z'), 2))).toEqual(['2027-01-31T08:00:00.000Z', '2027-02-28T08:00:00.000Z']);
  });

  it('with COUNT, numbers occurrences from the anchor, not from the current due date', () => {
    const limited = rule('FREQ=DAILY;COUNT=3');
    const anchor = at('2026-11-01T08:00:00.000Z');
    expect(iso(upcomingOccurrences(limited, anchor, at('2026-11-02T08:00:00.000Z'), null, 10))).toEqual(['2026-11-02T08:00:00.000Z', '2026-11-03T08:00:00.000Z']);
    expect(nextOccurrence(limited, anchor, at('2026-11-03T08:00:00.000Z'), NOW)).toBeNull();
  });

  it('next: the first date after both the due date and now', () => {
    const weekly = rule('FREQ=WEEKLY;BYDAY=MO,FR');
    const dueAt = at('2026-11-02T07:00:00.000Z');
    expect(nextOccurrence(weekly, dueAt, dueAt, NOW)).toEqual(at('2026-11-27T07:00:00.000Z'));
    expect(nextOccurrence(weekly, dueAt, dueAt, at('2026-10-01T00:00:00Z'))).toEqual(at('2026-11-06T07:00:00.000Z'));
    expect(nextOccurrence(rule('FREQ=DAILY;UNTIL=20261103T000000Z'), dueAt, dueAt, NOW)).toBeNull();
  });
});

describe('evaluating far from the start', () => {
  it.each([
    'FREQ=DAILY',
    'FREQ=DAILY;INTERVAL=3',
    'FREQ=DAILY;BYDAY=MO,WE,FR',
    'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,SA;WKST=SU',
    'FREQ=WEEKLY;INTERVAL=3',
    'FREQ=DAILY;INTERVAL=5;UNTIL=20290101T000000Z',
  ])('%s gives the same dates as walking from the start', (text) => {
    const recurrence = rule(text);
    const start = new RRule({ ...recurrence.options, dtstart: at('2021-03-04T06:30:00.000Z') }).after(at('2021-03-04T00:00:00Z'), true)!;
    for (const days of [0, 1, 6, 7, 13, 100, 365, 1000, 2500]) {
      const after = new Date(start.getTime() + days * 86_400_000 + 3_600_000);
      const walked = new RRule({ ...recurrence.options, dtstart: start }).between(after, at('9999-01-01T00:00:00Z'), false, (_d, n) => n < 6);
      expect(iso(occurrencesAfter(recurrence, start, after, 6))).toEqual(iso(walked));
    }
  });

  it('a daily rule started decades ago answers from the right place', () => {
    const daily = rule('FREQ=DAILY');
    const dueAt = at('1975-01-01T08:00:00.000Z');
    expect(iso(upcomingOccurrences(daily, dueAt, dueAt, at('2036-06-01T00:00:00Z'), 2))).toEqual(['2036-06-01T08:00:00.000Z', '2036-06-02T08:00:00.000Z']);
    expect(nextOccurrence(daily, dueAt, dueAt, NOW)).toEqual(at('2026-11-26T08:00:00.000Z'));
  });

  it('rules with COUNT are still numbered from their anchor', () => {
    const limited = rule('FREQ=DAILY;COUNT=5');
    const anchor = at('2026-01-01T08:00:00.000Z');
    expect(iso(occurrencesAfter(limited, anchor, at('2026-01-03T09:00:00Z'), 10))).toEqual(['2026-01-04T08:00:00.000Z', '2026-01-05T08:00:00.000Z']);
  });
});
