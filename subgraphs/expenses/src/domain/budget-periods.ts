import { addDays } from './days';

export type BudgetPeriod = 'monthly' | 'weekly';

/** The first day of the period containing `day`: the 1st of its month, or its ISO week's Monday. */
export function periodStart(period: BudgetPeriod, day: string): string {
  if (period === 'monthly') return `${day.slice(0, 8)}01`;
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, -((weekday + 6) % 7));
}

/** The last day of the period starting on `start`. */
export function periodEnd(period: BudgetPeriod, start: string): string {
  if (period === 'weekly') return addDays(start, 6);
  const next = new Date(`${start}T00:00:00Z`);
  next.setUTCMonth(next.getUTCMonth() + 1);
  return addDays(next.toISOString().slice(0, 10), -1);
}
