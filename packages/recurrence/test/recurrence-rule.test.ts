import { describe, expect, it } from 'vitest';
import { parseRecurrence } from '../src/recurrence-rule';

describe('parseRecurrence', () => {
  it.each([
    ['FREQ=WEEKLY;BYDAY=MO', 'FREQ=WEEKLY;BYDAY=MO'],
    ['  rrule:freq=weekly;byday=mo,th;interval=2 ', 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH'],
    ['FREQ=DAILY;INTERVAL=1;', 'FREQ=DAILY'],
    ['FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR', 'FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR'],
    ['FREQ=MONTHLY;BYMONTHDAY=-1', 'FREQ=MONTHLY;BYMONTHDAY=-1'],
    ['FREQ=MONTHLY;BYDAY=+2TU', 'FREQ=MONTHLY;BYDAY=2TU'],
    ['FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1', 'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1'],
    ['BYMONTH=11;BYDAY=4TH;FREQ=YEARLY', 'FREQ=YEARLY;BYMONTH=11;BYDAY=4TH'],
    ['FREQ=YEARLY;BYDAY=20MO', 'FREQ=YEARLY;BYDAY=20MO'],
    ['FREQ=DAILY;COUNT=10', 'FREQ=DAILY;COUNT=10'],
    ['FREQ=WEEKLY;UNTIL=20271231T235959Z;WKST=SU', 'FREQ=WEEKLY;UNTIL=20271231T235959Z;WKST=SU'],
    ['FREQ=DAILY;UNTIL=20271231', 'FREQ=DAILY;UNTIL=20271231'],
  ])('accepts %s as %s', (input, canonical) => {
    const result = parseRecurrence(input);
    expect(result).toMatchObject({ ok: true, rule: { text: canonical } });
  });

  it('exposes COUNT and the frequency', () => {
    const result = parseRecurrence('FREQ=MONTHLY;COUNT=3');
    expect(result.ok && { freq: result.rule.freq, count: result.rule.count }).toEqual({ freq: 'MONTHLY', count: 3 });
  });

  it.each([
    ['', /must not be empty/],
    ['FREQ=SOMETIMES', /FREQ=SOMETIMES is not supported/],
    ['FREQ=HOURLY', /not supported/],
    ['BYDAY=MO', /needs FREQ/],
    ['every monday', /is not NAME=VALUE/],
    ['FREQ=DAILY;FREQ=WEEKLY', /FREQ is given twice/],
    ['FREQ=DAILY;BYHOUR=9', /BYHOUR is not supported/],
    ['FREQ=DAILY;DTSTART=20260101', /DTSTART is not supported/],
    ['FREQ=DAILY;COUNT=x', /COUNT must be a whole number/],
    ['FREQ=DAILY;COUNT=0', /COUNT must be a whole number from 1 to 1000/],
    ['FREQ=DAILY;COUNT=1001', /COUNT must be a whole number from 1 to 1000/],
    ['FREQ=DAILY;INTERVAL=0', /INTERVAL/],
    ['FREQ=DAILY;COUNT=2;UNTIL=20300101', /COUNT and UNTIL cannot both/],
    ['FREQ=DAILY;UNTIL=20300230', /not a real date/],
    ['FREQ=DAILY;UNTIL=20300101T000000', /UTC date-time/],
    ['FREQ=WEEKLY;BYDAY=XX', /not a weekday/],
    ['FREQ=WEEKLY;BYDAY=2MO', /ordinals .* need FREQ=MONTHLY/],
    ['FREQ=MONTHLY;BYDAY=6MO', /from -5 to 5/],
    ['FREQ=MONTHLY;BYDAY=0MO', /not 0/],
    ['FREQ=YEARLY;BYMONTH=1;BYDAY=6MO', /from -5 to 5/],
    ['FREQ=YEARLY;BYDAY=54MO', /from -53 to 53/],
    ['FREQ=MONTHLY;BYMONTHDAY=32', /BYMONTHDAY values/],
    ['FREQ=MONTHLY;BYMONTHDAY=0', /BYMONTHDAY values/],
    ['FREQ=YEARLY;BYMONTH=13', /BYMONTH values/],
    ['FREQ=YEARLY;BYMONTH=-1', /BYMONTH values/],
    ['FREQ=WEEKLY;BYMONTHDAY=1', /need FREQ=MONTHLY or FREQ=YEARLY/],
    ['FREQ=DAILY;INTERVAL=7;BYDAY=MO', /INTERVAL=1/],
    ['FREQ=MONTHLY;BYSETPOS=1', /BYSETPOS needs BYDAY or BYMONTHDAY/],
    ['FREQ=WEEKLY;WKST=XY', /WKST/],
    [`FREQ=WEEKLY;BYDAY=${'MO,'.repeat(70)}MO`, /at most 200 characters/],
  ])('refuses %j (%s)', (input, problem) => {
    const result = parseRecurrence(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem).toMatch(problem);
  });
});
