import { describe, expect, it } from 'vitest';
import { parseQuickAdd } from '../src/domain/quick-add/parse-quick-add';

/** Tuesday 1 December 2026, 20:00 UTC. */
const NOW = new Date('2026-12-01T20:00:00Z');

function parsed(text: string) {
  const result = parseQuickAdd(text, NOW);
  if (!result.ok) throw new Error(result.problem);
  return { ...result.parse, dueAt: result.parse.dueAt?.toISOString() ?? null, recurrence: result.parse.recurrence?.text ?? null };
}

describe('quick add', () => {
  it('reads the example: title, monthly rule, first due date at 9am, label and priority', () => {
    expect(parsed('Pay rent every month on the 1st at 9am #home p1')).toEqual({
      title: 'Pay rent',
      dueAt: '2027-01-01T09:00:00.000Z',
      recurrence: 'FREQ=MONTHLY;BYMONTHDAY=1',
      priority: 'URGENT',
      labels: ['home'],
    });
  });

  it('reads one-off dates with chrono, defaulting the time of day to 09:00 UTC', () => {
    expect(parsed('Call mum tomorrow')).toMatchObject({ title: 'Call mum', dueAt: '2026-12-02T09:00:00.000Z', recurrence: null, priority: null });
    expect(parsed('Dentist on Dec 24 at 10:30 p2')).toMatchObject({ title: 'Dentist', dueAt: '2026-12-24T10:30:00.000Z', priority: 'HIGH' });
    expect(parsed('buy milk')).toMatchObject({ title: 'buy milk', dueAt: null, labels: [] });
  });

  it('reads weekly, weekday, interval and last-day repetitions', () => {
    expect(parsed('Water the plants every monday and thursday')).toMatchObject({ title: 'Water the plants', recurrence: 'FREQ=WEEKLY;BYDAY=MO,TH', dueAt: '2026-12-03T09:00:00.000Z' });
    expect(parsed('Stand-up every weekday at 9:30')).toMatchObject({ recurrence: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', dueAt: '2026-12-02T09:30:00.000Z' });
    expect(parsed('Backups every 2 weeks')).toMatchObject({ title: 'Backups', recurrence: 'FREQ=WEEKLY;INTERVAL=2', dueAt: '2026-12-02T09:00:00.000Z' });
    expect(parsed('Invoice every month on the last day at 17:00')).toMatchObject({ recurrence: 'FREQ=MONTHLY;BYMONTHDAY=-1', dueAt: '2026-12-31T17:00:00.000Z' });
    expect(parsed('Stretch daily at 8pm')).toMatchObject({ title: 'Stretch', recurrence: 'FREQ=DAILY', dueAt: '2026-12-02T20:00:00.000Z' });
  });

  it('keeps several labels once each, and # inside a word in the title', () => {
    expect(parsed('Fix C# build #work #Work #urgent')).toMatchObject({ title: 'Fix C# build', labels: ['work', 'urgent'] });
  });

  it('reports a title that is only a date, and a rule that never occurs', () => {
    expect(parseQuickAdd('tomorrow at 9am #home', NOW)).toEqual({ ok: false, problem: expect.stringMatching(/nothing is left for the title/) });
    // A day of month that does not exist is no repetition at all (it stays in the title).
    expect(parsed('Impossible every 40th of the month')).toMatchObject({ recurrence: null });
    expect(parsed('Pay every month on the 31st')).toMatchObject({ recurrence: 'FREQ=MONTHLY;BYMONTHDAY=31', dueAt: '2026-12-31T09:00:00.000Z' });
  });
});
