import type { SeedContext } from '@mosaic/kit';

const ACCOUNT = `mutation($input: CreateMoneyAccountInput!) { createMoneyAccount(input: $input) { id } }`;
const CATEGORY = `mutation($input: CreateExpenseCategoryInput!) { createExpenseCategory(input: $input) { id } }`;
const TRANSACTION = `mutation($input: MoneyTransactionInput!) { createMoneyTransaction(input: $input) { id } }`;
const BUDGET = `mutation($input: CreateBudgetInput!) { createBudget(input: $input) { id } }`;
const RULE = `mutation($input: CreateRuleInput!) { createRule(input: $input) { id } }`;
const RECURRING = `mutation($input: CreateRecurringTransactionInput!) { createRecurringTransaction(input: $input) { id } }`;

const dayOf = (date: Date) => date.toISOString().slice(0, 10);
const daysAgo = (now: Date, days: number) => dayOf(new Date(now.getTime() - days * 86_400_000));

/**
 * The demo user's books: a bank account, a wallet and a US-dollar card; a small category tree;
 * rules for common payees; a month of transactions; a monthly rent; and a groceries budget at 76%
 * of this month — the next grocery purchase of 16.00 or more crosses 80% and raises an alert on
 * `budgetAlerts`.
 */
export async function seedExpenses(seed: SeedContext): Promise<void> {
  const id = async (query: string, input: Record<string, unknown>, field: string) => ((await seed.graphql<Record<string, { id: string }>>(query, { input }, 'user'))[field]!).id;
  const account = (input: Record<string, unknown>) => id(ACCOUNT, input, 'createMoneyAccount');
  const category = (name: string, parentId?: string) => id(CATEGORY, { name, parentId }, 'createExpenseCategory');
  const book = (input: Record<string, unknown>) => seed.graphql(TRANSACTION, { input }, 'user');

  const bank = await account({ name: 'Checking', kind: 'BANK', currency: 'EUR', openingBalance: '250000' });
  const wallet = await account({ name: 'Wallet', kind: 'CASH', currency: 'EUR', openingBalance: '8000' });
  const card = await account({ name: 'Travel card', kind: 'CARD', currency: 'USD' });
  const food = await category('Food');
  const groceries = await category('Groceries', food);
  const eatingOut = await category('Eating out', food);
  const home = await category('Home');
  const rent = await category('Rent', home);
  const transport = await category('Transport');
  const salary = await category('Salary');

  await seed.graphql(RULE, { input: { pattern: 'supermarket', categoryId: groceries, tags: ['groceries'] } }, 'user');
  await seed.graphql(RULE, { input: { pattern: 'transit', categoryId: transport } }, 'user');
  await seed.graphql(RULE, { input: { field: 'ANY', pattern: 'coffee', categoryId: eatingOut, tags: ['coffee'] } }, 'user');

  const now = new Date();
  const monthStart = `${dayOf(now).slice(0, 8)}01`;
  await book({ kind: 'INCOME', accountId: bank, amount: '320000', occurredOn: daysAgo(now, 30), payee: 'Employer', categoryId: salary });
  await book({ kind: 'EXPENSE', accountId: bank, amount: '95000', occurredOn: daysAgo(now, 29), payee: 'Landlord', categoryId: rent });
  await book({ kind: 'TRANSFER', accountId: bank, toAccountId: wallet, amount: '10000', occurredOn: daysAgo(now, 20) });
  await book({ kind: 'TRANSFER', accountId: bank, toAccountId: card, amount: '30000', occurredOn: daysAgo(now, 18), notes: 'Travel money' });
  await book({ kind: 'EXPENSE', accountId: card, amount: '4580', occurredOn: daysAgo(now, 15), payee: 'Diner in Boston', categoryId: eatingOut, tags: ['travel'] });
  const earlier = [3450, 2210, 5120, 1890, 4400];
  for (const [i, amount] of earlier.entries()) {
    const day = daysAgo(now, 27 - i * 5);
    if (day < monthStart) await book({ kind: 'EXPENSE', accountId: bank, amount: String(amount), occurredOn: day, payee: 'City Supermarket', categoryId: groceries });
  }
  for (let i = 0; i < 8; i++) await book({ kind: 'EXPENSE', accountId: wallet, amount: '350', occurredOn: daysAgo(now, 2 + i * 3), payee: 'Corner coffee', categoryId: eatingOut, tags: ['coffee'] });
  await book({ kind: 'EXPENSE', accountId: bank, amount: '6200', occurredOn: daysAgo(now, 9), payee: 'Transit pass', categoryId: transport });
  await book({ kind: 'EXPENSE', accountId: bank, amount: '12000', occurredOn: daysAgo(now, 6), payee: 'Hardware store', splits: [{ categoryId: home, amount: '9000' }, { categoryId: groceries, amount: '3000', notes: 'cleaning supplies' }] });

  // This month's groceries: 304.00 of a 400.00 budget (76%; the split above counts when it falls in this month).
  const thisMonth = await seed.graphql<{ moneyTransactions: { edges: { node: { splits: { amount: string; category: { id: string } | null }[] } }[] } }>(
    `query($filter: MoneyTransactionFilter) { moneyTransactions(filter: $filter, first: 100) { edges { node { splits { amount category { id } } } } } }`,
    { filter: { from: monthStart, categoryId: groceries } },
    'user',
  );
  const spent = thisMonth.moneyTransactions.edges.flatMap((e) => e.node.splits).filter((s) => s.category?.id === groceries).reduce((sum, s) => sum + Number(s.amount), 0);
  if (spent < 30_400) await book({ kind: 'EXPENSE', accountId: bank, amount: String(30_400 - spent), occurredOn: dayOf(now), payee: 'City Supermarket', categoryId: groceries });
  await seed.graphql(BUDGET, { input: { categoryId: groceries, period: 'MONTHLY', amount: '40000', rollover: true } }, 'user');
  await seed.graphql(BUDGET, { input: { categoryId: eatingOut, period: 'WEEKLY', amount: '3000' } }, 'user');

  const nextMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  await seed.graphql(RECURRING, { input: { rule: 'FREQ=MONTHLY;BYMONTHDAY=1', startsOn: dayOf(nextMonth), transaction: { kind: 'EXPENSE', accountId: bank, amount: '95000', payee: 'Landlord', categoryId: rent } } }, 'user');
}
