import { describe, expect, it } from 'vitest';
import { fromWallClock, startOfDayIn, toWallClock } from '../src/domain/time-zone';

const wall = (iso: string) => new Date(`${iso}Z`);

describe('wall-clock times in a zone', () => {
  it('round-trips ordinary times', () => {
    const instant = new Date('2026-07-01T10:15:30.250Z');
    expect(toWallClock(instant, 'Europe/Berlin').toISOString()).toBe('2026-07-01T12:15:30.250Z');
    expect(fromWallClock(toWallClock(instant, 'Europe/Berlin'), 'Europe/Berlin')).toEqual(instant);
    expect(fromWallClock(wall('2026-01-15T09:00:00'), 'America/New_York').toISOString()).toBe('2026-01-15T14:00:00.000Z');
  });

  it('reads a skipped time (clocks go forward) with the offset before the change', () => {
    expect(fromWallClock(wall('2026-03-29T02:30:00'), 'Europe/Berlin').toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });

  it('reads a repeated time (clocks go back) as the first of the two', () => {
    expect(fromWallClock(wall('2026-10-25T02:30:00'), 'Europe/Berlin').toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });

  it('starts days at local midnight, 23 and 25 hours apart when the clocks change', () => {
    const saturday = startOfDayIn(new Date('2026-03-28T12:00:00Z'), 'Europe/Berlin');
    const sunday = startOfDayIn(new Date('2026-03-28T12:00:00Z'), 'Europe/Berlin', 1);
    const monday = startOfDayIn(new Date('2026-03-28T12:00:00Z'), 'Europe/Berlin', 2);
    expect([saturday, sunday, monday].map((d) => d.toISOString())).toEqual(['2026-03-27T23:00:00.000Z', '2026-03-28T23:00:00.000Z', '2026-03-29T22:00:00.000Z']);
    expect(startOfDayIn(new Date('2026-10-25T12:00:00Z'), 'Europe/Berlin', 1).getTime() - startOfDayIn(new Date('2026-10-25T12:00:00Z'), 'Europe/Berlin').getTime()).toBe(25 * 3_600_000);
  });
});
