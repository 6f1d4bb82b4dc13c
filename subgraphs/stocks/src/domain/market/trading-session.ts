/**
 * When the simulated exchange trades. Times are UTC; an exchange session is one interval per
 * trading day (weekends closed, no holiday calendar).
 */
export interface TradingSession {
  readonly description: string;
  isOpen(at: number): boolean;
  /** The opening time of the session `at` falls in, or of the next one when closed. */
  nextOpen(at: number): number;
  /** The opening of the session that is open at `at` (only meaningful when open). */
  sessionOpen(at: number): number;
}

const DAY = 86_400_000;

export const alwaysOpen: TradingSession = {
  description: 'always open (24x7)',
  isOpen: () => true,
  nextOpen: (at) => at,
  // One long session per UTC day, so the "overnight" logic never fires.
  sessionOpen: (at) => Math.floor(at / DAY) * DAY,
};

export interface ExchangeHours {
  /** Minutes after midnight UTC, e.g. 14:30 → 870. */
  openMinute: number;
  closeMinute: number;
  /** UTC days of the week that trade, 0 = Sunday. */
  weekdays: readonly number[];
}

/** NYSE/Nasdaq regular hours in winter, in UTC (09:30–16:00 America/New_York = 14:30–21:00 UTC). */
export const US_WINTER_HOURS: ExchangeHours = { openMinute: 14 * 60 + 30, closeMinute: 21 * 60, weekdays: [1, 2, 3, 4, 5] };

export function exchangeSession(hours: ExchangeHours): TradingSession {
  if (!(hours.openMinute >= 0 && hours.openMinute < hours.closeMinute && hours.closeMinute <= 24 * 60)) {
    throw new Error(`Trading hours must open before they close within one UTC day (got ${hours.openMinute}–${hours.closeMinute} minutes).`);
  }
  if (hours.weekdays.length === 0) throw new Error('An exchange must trade on at least one weekday.');
  const openOf = (day: number) => day + hours.openMinute * 60_000;
  const closeOf = (day: number) => day + hours.closeMinute * 60_000;
  const trades = (day: number) => hours.weekdays.includes(new Date(day).getUTCDay());
  const hh = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

  return {
    description: `${hh(hours.openMinute)}–${hh(hours.closeMinute)} UTC on weekdays ${hours.weekdays.join(',')}`,
    isOpen(at) {
      const day = Math.floor(at / DAY) * DAY;
      return trades(day) && at >= openOf(day) && at < closeOf(day);
    },
    nextOpen(at) {
      let day = Math.floor(at / DAY) * DAY;
      if (trades(day) && at < closeOf(day)) return Math.max(at, openOf(day));
      for (let i = 0; i < 8; i++) {
        day += DAY;
        if (trades(day)) return openOf(day);
      }
      throw new Error('unreachable: some weekday trades');
    },
    sessionOpen(at) {
      return openOf(Math.floor(at / DAY) * DAY);
    },
  };
}

/** `24x7` or `HH:MM-HH:MM` (weekdays Monday to Friday), as the environment gives it. */
export function parseSession(text: string): TradingSession {
  if (text === '24x7') return alwaysOpen;
  const match = /^(\d{2}):(\d{2})-(\d{2}):(\d{2})$/.exec(text);
  if (!match) throw new Error(`"${text}" is not "24x7" or "HH:MM-HH:MM" (UTC).`);
  const [, oh, om, ch, cm] = match.map(Number) as [number, number, number, number, number];
  return exchangeSession({ openMinute: oh * 60 + om, closeMinute: ch * 60 + cm, weekdays: [1, 2, 3, 4, 5] });
}
