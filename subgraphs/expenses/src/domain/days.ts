import { z } from 'zod';

/** A real calendar day 'YYYY-MM-DD' between 1900 and 2999 (wide for history, narrow enough for date arithmetic). */
export const dayInput = z.string().refine((text) => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 1900 && year <= 2999 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}, 'must be a real day written YYYY-MM-DD, e.g. "2026-11-26"');

export const dayOf = (instant: Date): string => instant.toISOString().slice(0, 10);

export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return dayOf(date);
}
