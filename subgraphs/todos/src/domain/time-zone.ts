import type { Context } from '../context';

/** What a user's dates are read in until accounts tells us their zone. */
export const DEFAULT_TIME_ZONE = 'UTC';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/**
 * The wall-clock time in `zone` at `instant`, as a Date whose UTC fields are that wall time.
 * Recurrence rules and chrono-node work in UTC; fed wall times, they work in the user's zone.
 */
export function toWallClock(instant: Date, zone: string): Date {
  if (zone === 'UTC') return instant;
  const parts: Record<string, number> = {};
  for (const part of formatterFor(zone).formatToParts(instant)) if (part.type !== 'literal') parts[part.type] = Number(part.value);
  return new Date(Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!, instant.getUTCMilliseconds()));
}

const offsetAt = (instant: Date, zone: string) => toWallClock(instant, zone).getTime() - instant.getTime();

/**
 * The instant a wall-clock time in `zone` names. A time that happens twice (the hour repeated
 * when clocks go back) is the first; one that does not happen (the hour skipped when they go
 * forward) is read with the offset before the change, so 02:30 becomes 03:30 — as calendars do.
 */
export function fromWallClock(wall: Date, zone: string): Date {
  if (zone === 'UTC') return wall;
  // Offsets change at most once within a day around any wall time.
  const before = offsetAt(new Date(wall.getTime() - DAY_MS), zone);
  const after = offsetAt(new Date(wall.getTime() + DAY_MS), zone);
  for (const offset of before >= after ? [before, after] : [after, before]) {
    const candidate = new Date(wall.getTime() - offset);
    if (toWallClock(candidate, zone).getTime() === wall.getTime()) return candidate;
  }
  return new Date(wall.getTime() - before);
}

/** The start (local midnight) of the day `days` after the one `instant` falls on in `zone`. */
export function startOfDayIn(instant: Date, zone: string, days = 0): Date {
  const wall = toWallClock(instant, zone);
  return fromWallClock(new Date(Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate() + days)), zone);
}

/** A user's zone, from the projection of accounts' events; UTC for a user accounts has not announced. */
export async function timeZoneOf(ctx: Pick<Context, 'loaders'>, userId: string): Promise<string> {
  return (await ctx.loaders.knownUser.load(userId))?.timeZone ?? DEFAULT_TIME_ZONE;
}
