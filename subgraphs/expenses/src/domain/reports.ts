import { z } from 'zod';
import { validate } from '@mosaic/kit';
import type { Context } from '../context';
import { balancesAtPeriodEnds, incomeVsExpense, spendingByCategory, type ReportStep } from '../data/reports-repo';
import type { CategoryRow } from '../data/tables';
import { addDays, dayInput } from './days';
import { convertMinor } from './fx/convert';
import { memoised } from './fx/rate-book';
import { baseCurrencyOf } from './settings';

/** A report spans at most this long: bounds the periods generated and the rows summed. */
const MAX_RANGE_DAYS = 366 * 10;

const range = z
  .object({ from: dayInput, to: dayInput, period: z.enum(['WEEK', 'MONTH', 'YEAR']).nullish() })
  .refine((r) => r.from <= r.to, { message: '"from" must not be after "to"', path: ['from'] })
  .refine((r) => r.to <= addDays(r.from, MAX_RANGE_DAYS), { message: `a report spans at most ${MAX_RANGE_DAYS} days`, path: ['to'] });

const stepOf = (period: 'WEEK' | 'MONTH' | 'YEAR' | null | undefined): ReportStep => (period ? (period.toLowerCase() as ReportStep) : 'month');

export interface PeriodTotals {
  start: string;
  end: string;
  income: bigint;
  expense: bigint;
  net: bigint;
  currency: string;
}

export async function incomeVsExpenseReport(ctx: Pick<Context, 'auth' | 'db'>, args: unknown): Promise<PeriodTotals[]> {
  const ownerId = ctx.auth.require('expenses:read').userId;
  const { from, to, period } = validate(range, args, '');
  const currency = await baseCurrencyOf(ctx, ownerId);
  return (await incomeVsExpense(ctx.db, ownerId, from, to, stepOf(period))).map((row) => ({ ...row, net: row.income - row.expense, currency }));
}

export interface CategorySpending {
  category: CategoryRow | null;
  amount: bigint;
  total: bigint;
  currency: string;
  /** Share of all expenses in the range, in percent (one decimal). */
  share: number;
}

export async function spendingByCategoryReport(ctx: Pick<Context, 'auth' | 'db' | 'loaders'>, args: unknown): Promise<CategorySpending[]> {
  const ownerId = ctx.auth.require('expenses:read').userId;
  const { from, to } = validate(range, args, '');
  const [rows, categories, currency] = await Promise.all([spendingByCategory(ctx.db, ownerId, from, to), ctx.loaders.categoriesOf.load(ownerId), baseCurrencyOf(ctx, ownerId)]);
  const byId = new Map(categories.map((row) => [row.id, row]));
  const all = rows.reduce((sum, row) => sum + row.direct, 0n);
  return rows.map((row) => ({
    category: row.categoryId ? (byId.get(row.categoryId) ?? null) : null,
    amount: row.direct,
    total: row.total,
    currency,
    share: all > 0n ? Number((row.total * 1000n) / all) / 10 : 0,
  }));
}

export interface NetWorthPoint {
  on: string;
  value: bigint;
  currency: string;
}

/**
 * Net worth at each period's end: the balances per currency come from SQL; each is converted at
 * that day's reference rate (a market value, not the historical cost), a handful of conversions
 * per point.
 */
export async function netWorthReport(ctx: Pick<Context, 'auth' | 'db' | 'rates'>, args: unknown): Promise<NetWorthPoint[]> {
  const ownerId = ctx.auth.require('expenses:read').userId;
  const { from, to, period } = validate(range, args, '');
  const currency = await baseCurrencyOf(ctx, ownerId);
  const rates = memoised(ctx.rates);
  const points = new Map<string, bigint>();
  for (const row of await balancesAtPeriodEnds(ctx.db, ownerId, from, to, stepOf(period))) {
    const rate = await rates.rate(row.currency, currency, row.day);
    points.set(row.day, (points.get(row.day) ?? 0n) + convertMinor(row.balance, row.currency, currency, rate.scaled));
  }
  return [...points].map(([on, value]) => ({ on, value, currency }));
}
