import { z } from 'zod';
import { ConflictError, decodeId, isUniqueViolation, refreshLoaders, uuidv7, validate, UserInputError, type Db } from '@mosaic/kit';
import type { Context } from '../context';
import { deleteBudgetRow, findBudgetStatuses, insertBudget, lockBudgetsOf, recordAlerts, updateBudgetRow, type BudgetStatusRow } from '../data/budgets-repo';
import type { BudgetAlertRow, BudgetRow } from '../data/tables';
import type { ExpensesOutbox } from '../events';
import { periodEnd, periodStart } from './budget-periods';
import { dayInput, dayOf } from './days';
import { positiveMoney } from './money';
import { baseCurrencyOf } from './settings';
import { ownCategories } from './categories';

const thresholds = z
  .array(z.number().int().min(1, 'thresholds are percentages from 1').max(1000, 'thresholds are percentages up to 1000'))
  .min(1, 'give at least one threshold')
  .max(5, 'at most 5 thresholds')
  .transform((values) => [...new Set(values)].sort((a, b) => a - b));

const createInput = z.object({
  categoryId: z.string(),
  period: z.enum(['MONTHLY', 'WEEKLY']).transform((p) => p.toLowerCase() as 'monthly' | 'weekly'),
  amount: positiveMoney,
  rollover: z.boolean().nullish(),
  thresholds: thresholds.nullish(),
  startsOn: dayInput.nullish(),
});
const updateInput = z.object({ amount: positiveMoney.nullish(), rollover: z.boolean().nullish(), thresholds: thresholds.nullish() });

type WriteContext = Pick<Context, 'auth' | 'db' | 'loaders' | 'now'>;

export async function ownBudgets(ctx: Pick<Context, 'auth' | 'loaders'>): Promise<BudgetRow[]> {
  const viewer = ctx.auth.require('expenses:read');
  return ctx.loaders.budgetsOf.load(viewer.userId);
}

export async function findOwnBudget(ctx: Pick<Context, 'auth' | 'loaders'>, id: string): Promise<BudgetRow | null> {
  return (await ownBudgets(ctx)).find((row) => row.id === id) ?? null;
}

/** A budget for a category (and its subcategories) per month or week, in the base currency; one per category and period kind. */
export async function createBudget(ctx: WriteContext, input: unknown): Promise<BudgetRow> {
  const ownerId = ctx.auth.require('expenses:write').userId;
  const values = validate(createInput, input);
  const categoryId = decodeId('ExpenseCategory', values.categoryId, 'input.categoryId');
  if (!(await ownCategories(ctx)).some((row) => row.id === categoryId)) throw new UserInputError('input.categoryId: is not one of your categories.', 'input.categoryId');
  const now = ctx.now();
  try {
    const row = await insertBudget(ctx.db, {
      id: uuidv7(now.getTime()),
      ownerId,
      categoryId,
      period: values.period,
      amount: values.amount,
      rollover: values.rollover ?? false,
      thresholds: values.thresholds ?? [80, 100],
      startsOn: periodStart(values.period, values.startsOn ?? dayOf(now)),
      createdAt: now,
    });
    refreshLoaders(ctx.loaders);
    return row;
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError(`This category already has a ${values.period} budget; change that one instead.`);
    throw error;
  }
}

export async function updateBudget(ctx: WriteContext, id: string, input: unknown): Promise<BudgetRow | null> {
  ctx.auth.require('expenses:write');
  const values = validate(updateInput, input);
  const current = await findOwnBudget(ctx, id);
  if (!current) return null;
  const changes = {
    ...(values.amount != null ? { amount: values.amount } : {}),
    ...(values.rollover != null ? { rollover: values.rollover } : {}),
    ...(values.thresholds ? { thresholds: values.thresholds } : {}),
  };
  if (Object.keys(changes).length === 0) return current;
  const row = await updateBudgetRow(ctx.db, id, changes);
  refreshLoaders(ctx.loaders);
  return row;
}

export async function deleteBudget(ctx: WriteContext, id: string): Promise<string | null> {
  ctx.auth.require('expenses:write');
  if (!(await findOwnBudget(ctx, id))) return null;
  await deleteBudgetRow(ctx.db, id);
  refreshLoaders(ctx.loaders);
  return id;
}

export interface BudgetStatus {
  start: string;
  end: string;
  budgeted: bigint;
  rolledOver: bigint;
  available: bigint;
  spent: bigint;
  remaining: bigint;
  /** spent / available in percent, one decimal; null when nothing is available. */
  percentUsed: number | null;
}

export function statusOf(row: BudgetStatusRow): BudgetStatus {
  const available = row.budgeted + row.rolledOver;
  return {
    start: row.start,
    end: row.end,
    budgeted: row.budgeted,
    rolledOver: row.rolledOver,
    available,
    spent: row.spent,
    remaining: available - row.spent,
    percentUsed: available > 0n ? Number((row.spent * 1000n) / available) / 10 : null,
  };
}

/** `Budget.status(on:)`: the period containing the day (today when omitted); null before the budget starts. */
export async function budgetStatus(ctx: Pick<Context, 'loaders' | 'now'>, budget: BudgetRow, on: unknown): Promise<BudgetStatus | null> {
  const day = on == null ? dayOf(ctx.now()) : validate(dayInput, on, 'on');
  const row = await ctx.loaders.budgetStatus.load({ parentId: budget.id, query: day });
  return row ? statusOf(row) : null;
}

/**
 * After expenses were written (in the same transaction): each of the owner's budgets whose period
 * containing one of `days` now reaches a threshold raises it — once per budget, period and
 * threshold (the alert row's key), as a `budget.threshold-crossed` event in the outbox. The
 * owner's budgets are locked first, so two writers cannot both miss a crossing they make together.
 */
export async function raiseCrossedThresholds(ctx: Pick<Context, 'now'> & { events: ExpensesOutbox }, tx: Db, ownerId: string, days: readonly string[]): Promise<BudgetAlertRow[]> {
  const budgets = await lockBudgetsOf(tx, ownerId);
  if (budgets.length === 0 || days.length === 0) return [];
  const byId = new Map(budgets.map((row) => [row.id, row]));
  const now = ctx.now();
  const candidates: BudgetAlertRow[] = [];
  const seen = new Set<string>();
  // One status query per distinct period (not per day): an import of a year checks 12 months, not 365 days.
  const periods = new Map<string, string[]>();
  for (const budget of budgets) {
    for (const start of new Set(days.map((day) => periodStart(budget.period, day)))) periods.set(`${budget.period} ${start}`, [...(periods.get(`${budget.period} ${start}`) ?? []), budget.id]);
  }
  for (const [key, ids] of periods) {
    for (const row of await findBudgetStatuses(tx, ids, key.split(' ')[1]!)) {
      const budget = byId.get(row.budgetId)!;
      const status = statusOf(row);
      if (status.available <= 0n) continue;
      for (const threshold of budget.thresholds) {
        const key = `${budget.id} ${status.start} ${threshold}`;
        if (seen.has(key) || status.spent * 100n < status.available * BigInt(threshold)) continue;
        seen.add(key);
        candidates.push({ budgetId: budget.id, periodStart: status.start, threshold, ownerId, spent: status.spent, available: status.available, raisedAt: now });
      }
    }
  }
  const raised = await recordAlerts(tx, candidates);
  if (raised.length === 0) return raised;
  const currency = await baseCurrencyOf({ db: tx }, ownerId);
  await ctx.events.emitAll(
    tx,
    raised.map((alert) => ({
      type: 'budget.threshold-crossed' as const,
      payload: {
        ownerId,
        budgetId: alert.budgetId,
        categoryId: byId.get(alert.budgetId)!.categoryId,
        periodStart: alert.periodStart,
        periodEnd: periodEnd(byId.get(alert.budgetId)!.period, alert.periodStart),
        threshold: alert.threshold,
        spent: alert.spent.toString(),
        available: alert.available.toString(),
        currency,
        raisedAt: alert.raisedAt.toISOString(),
      },
    })),
  );
  return raised;
}
