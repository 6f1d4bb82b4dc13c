import { UserInputError } from '@mosaic/kit';

/** One stats request: a period, a time zone for days and hours, whether bots count. Part of every loader key. */
export interface StatsQuery {
  from: string;
  to: string;
  timeZone: string;
  includeBots: boolean;
}

const DAY_MS = 86_400_000;
export const DEFAULT_PERIOD_DAYS = 30;
export const MAX_PERIOD_DAYS = 366;
export const BREAKDOWN_MAX = 100;

export function isTimeZone(name: string): boolean {
  if (name.length === 0 || name.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** The period asked for, defaults filled in, or BAD_USER_INPUT naming the argument. */
export function statsQuery(args: { from?: string | null; to?: string | null; timeZone?: string | null; includeBots?: boolean | null }, now: Date): StatsQuery {
  const to = args.to ? new Date(args.to) : now;
  const from = args.from ? new Date(args.from) : new Date(to.getTime() - DEFAULT_PERIOD_DAYS * DAY_MS);
  if (from >= to) throw new UserInputError('"from" must be before "to".', 'from');
  if (to.getTime() - from.getTime() > MAX_PERIOD_DAYS * DAY_MS) throw new UserInputError(`The period may be at most ${MAX_PERIOD_DAYS} days long.`, 'from');
  const timeZone = args.timeZone ?? 'UTC';
  if (!isTimeZone(timeZone)) throw new UserInputError(`"${timeZone.slice(0, 64)}" is not an IANA time zone such as "Europe/Berlin" or "UTC".`, 'timeZone');
  return { from: from.toISOString(), to: to.toISOString(), timeZone, includeBots: args.includeBots ?? false };
}

export function breakdownSize(first: number | null | undefined): number {
  const size = first ?? 10;
  if (!Number.isInteger(size) || size < 1 || size > BREAKDOWN_MAX) throw new UserInputError(`"first" must be between 1 and ${BREAKDOWN_MAX}.`, 'first');
  return size;
}

/** Every calendar day the period touches in its time zone, as YYYY-MM-DD, oldest first. */
export function daysOf(query: StatsQuery): string[] {
  const format = new Intl.DateTimeFormat('en-CA', { timeZone: query.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const first = format.format(new Date(query.from));
  const last = format.format(new Date(Date.parse(query.to) - 1));
  const days: string[] = [];
  for (let day = Date.parse(`${first}T00:00:00Z`); days.length <= MAX_PERIOD_DAYS + 1; day += DAY_MS) {
    const label = new Date(day).toISOString().slice(0, 10);
    days.push(label);
    if (label >= last) break;
  }
  return days;
}
