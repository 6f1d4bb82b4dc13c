import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes } from '@mosaic/testing';
import { newHousehold, startExpenses, type Expenses } from './harness';

let app: Expenses;
beforeAll(async () => {
  app = await startExpenses();
});
afterAll(() => app.close());

const CREATE_BUDGET = `mutation($input: CreateBudgetInput!) { createBudget(input: $input) { id period amount thresholds startsOn category { name } } }`;
const STATUS = `query($on: Date) { budgets { id status(on: $on) { start end budgeted rolledOver available spent remaining percentUsed } } }`;

async function alertsOf(budgetPublicId: string) {
  const id = Buffer.from(budgetPublicId, 'base64url').toString().split(':')[1]!;
  const rows = await app.database.db().execute(sql`select period_start::text as period_start, threshold, spent::text as spent from expenses.budget_alerts where budget_id = ${id} order by period_start, threshold`);
  return (Array.isArray(rows) ? rows : (rows as unknown as { rows: unknown[] }).rows) as { period_start: string; threshold: number; spent: string }[];
}

async function outboxAlerts(budgetPublicId: string) {
  const id = Buffer.from(budgetPublicId, 'base64url').toString().split(':')[1]!;
  const rows = await app.database.db().execute(sql`select payload from expenses.outbox where type = 'budget.threshold-crossed' and aggregate_id = ${id} order by seq`);
  return ((Array.isArray(rows) ? rows : (rows as unknown as { rows: unknown[] }).rows) as { payload: unknown }[]).map((row) => (typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload) as { threshold: number; periodStart: string; spent: string });
}

describe('budgets', () => {
  it('sums expenses of the category and its subcategories per period, in SQL, and rolls unspent money over', async () => {
    const h = await newHousehold(app);
    const bank = await h.account('Bank', 'BANK', 'EUR');
    const food = await h.category('Food');
    const groceries = await h.category('Groceries', food);
    const other = await h.category('Other');
    const created = await app.ok(CREATE_BUDGET, { input: { categoryId: food, period: 'MONTHLY', amount: '10000', rollover: true, startsOn: '2026-08-15' } }, h.user.token);
    expect(created.createBudget).toMatchObject({ period: 'MONTHLY', amount: '10000', thresholds: [80, 100], startsOn: '2026-08-01', category: { name: 'Food' } });
    await h.transaction({ kind: 'EXPENSE', accountId: bank, amount: '4000', occurredOn: '2026-08-03', categoryId: groceries });
    await h.transaction({ kind: 'EXPENSE', accountId: bank, amount: '2500', occurredOn: '2026-08-20', categoryId: other });
    await h.transaction({ kind: 'EXPENSE', accountId: bank, amount: '13000', occurredOn: '2026-09-10', categoryId: food });
    await h.transaction({ kind: 'EXPENSE', accountId: bank, amount: '1000', occurredOn: '2026-10-02', splits: [{ categoryId: food, amount: '600' }, { categoryId: other, amount: '400' }] });
    const status = async (on: string) => ((await app.ok(STATUS, { on }, h.user.token)).budgets as { status: Record<string, unknown> | null }[])[0]!.status;
    // August: 40.00 of 100.00 spent; 60.00 carried into September (160.00), overspent by 30.00 — not carried.
    expect(await status('2026-08-31')).toEqual({ start: '2026-08-01', end: '2026-08-31', budgeted: '10000', rolledOver: '0', available: '10000', spent: '4000', remaining: '6000', percentUsed: 40 });
    expect(await status('2026-09-01')).toMatchObject({ rolledOver: '6000', available: '16000', spent: '13000', remaining: '3000' });
    expect(await status('2026-10-31')).toMatchObject({ start: '2026-10-01', rolledOver: '3000', available: '13000', spent: '600' });
    expect(await status('2026-07-31')).toBeNull();
  });

  it('weekly budgets run Monday to Sunday', async () => {
    const h = await newHousehold(app);
    const bank = await h.account('Bank', 'BANK', 'EUR');
    const fun = await h.category('Fun');
    await app.ok(CREATE_BUDGET, { input: { categoryId: fun, period: 'WEEKLY', amount: '5000', startsOn: '2026-11-04' } }, h.user.token);
    await h.transaction({ kind: 'EXPENSE', accountId: bank, amount: '1000', occurredOn: '2026-11-08', categoryId: fun });
    await h.transaction({ kind: 'EXPENSE', accountId: bank, amount: '700', occurredOn: '2026-11-09', categoryId: fun });
    const budgets = (await app.ok(STATUS, { on: '2026-11-08' }, h.user.token)).budgets as { status: Record<string, unknown> }[];
    expect(budgets[0]!.status).toMatchObject({ start: '2026-11-02', end: '2026-11-08', spent: '1000', rolledOver: '0' });
  });

  it('raises 80% and 100% once per period, as budget.threshold-crossed events in the outbox', async () => {
    const h = await newHousehold(app);
    const bank = await h.account('Bank', 'BANK', 'EUR');
    const food = await h.category('Food');
    const budget = ((await app.ok(CREATE_BUDGET, { input: { categoryId: food, period: 'MONTHLY', amount: '10000', startsOn: '2026-11-01' } }, h.user.token)).createBudget as { id: string }).id;
    await h.transaction({ kind: 'EXPENSE', accountId: bank, amount: '7000', occurredOn: '2026-11-02', categoryId: food });
    expect(await alertsOf(budget)).toEqual([]);
    await h.transaction({ kind: 'EXPENSE', accountId: bank, amount: '1500', occurredOn: '2026-11-03', categoryId: food });
    expect(await alertsOf(budget)).toEqual([{ period_start: '2026-11-01', threshold: 80, spent: '8500' }]);
    await h.transaction({ kind: 'EXPENSE', accountId: bank, amount: '100', occurredOn: '2026-11-04', categoryId: food });
    await h.transaction({ kind: 'EXPENSE', accountId: bank, amount: '5000', occurredOn: '2026-11-05', categoryId: food });
    await h.transaction({ kind: 'EXPENSE', accountId: bank, amount: '5000', occurredOn: '2026-11-06', categoryId: food });
    // A new period starts afresh.
    await h.transaction({ kind: 'EXPENSE', accountId: bank, amount: '9000', occurredOn: '2026-12-01', categoryId: food });
    expect((await alertsOf(budget)).map((a) => [a.period_start, a.threshold])).toEqual([['2026-11-01', 80], ['2026-11-01', 100], ['2026-12-01', 80]]);
    expect((await outboxAlerts(budget)).map((e) => [e.periodStart, e.threshold, e.spent])).toEqual([['2026-11-01', 80, '8500'], ['2026-11-01', 100, '13600'], ['2026-12-01', 80, '9000']]);
  });

  it('refuses a second monthly budget for a category, bad thresholds and someone else’s category', async () => {
    const h = await newHousehold(app);
    const other = await newHousehold(app);
    const food = await h.category('Food');
    await app.ok(CREATE_BUDGET, { input: { categoryId: food, period: 'MONTHLY', amount: '100' } }, h.user.token);
    expect(errorCodes(await app.call(CREATE_BUDGET, { input: { categoryId: food, period: 'MONTHLY', amount: '200' } }, h.user.token))).toEqual(['CONFLICT']);
    const bad = await app.call(CREATE_BUDGET, { input: { categoryId: food, period: 'WEEKLY', amount: '200', thresholds: [0] } }, h.user.token);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.thresholds.0' });
    const theirs = await app.call(CREATE_BUDGET, { input: { categoryId: food, period: 'WEEKLY', amount: '200' } }, other.user.token);
    expect(theirs.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.categoryId' });
  });
});
