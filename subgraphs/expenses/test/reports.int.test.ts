import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newHousehold, startExpenses, type Expenses } from './harness';

let app: Expenses;
beforeAll(async () => {
  app = await startExpenses();
});
afterAll(() => app.close());

describe('reports (computed in SQL)', () => {
  it('income vs expense per month, spending by category with subtree totals, net worth over time', async () => {
    const h = await newHousehold(app);
    const bank = await h.account('Bank', 'BANK', 'EUR', '100000');
    const usd = await h.account('US', 'CARD', 'USD');
    const food = await h.category('Food');
    const groceries = await h.category('Groceries', food);
    const travel = await h.category('Travel');
    await h.transaction({ kind: 'INCOME', accountId: bank, amount: '300000', occurredOn: '2026-09-01' });
    await h.transaction({ kind: 'EXPENSE', accountId: bank, amount: '5000', occurredOn: '2026-09-02', categoryId: groceries });
    await h.transaction({ kind: 'EXPENSE', accountId: bank, amount: '1000', occurredOn: '2026-09-03', categoryId: food });
    await h.transaction({ kind: 'TRANSFER', accountId: bank, toAccountId: usd, amount: '10000', toAmount: '10321', occurredOn: '2026-09-05' });
    // 103.21 USD at the offline 1.0321 is 100.00 EUR.
    await h.transaction({ kind: 'EXPENSE', accountId: usd, amount: '10321', occurredOn: '2026-11-20', categoryId: travel });
    await h.transaction({ kind: 'EXPENSE', accountId: bank, amount: '4000', occurredOn: '2026-11-21' });

    const ive = await app.ok(`{ incomeVsExpense(from: "2026-09-01", to: "2026-11-30") { start end income expense net currency } }`, {}, h.user.token);
    expect(ive.incomeVsExpense).toEqual([
      { start: '2026-09-01', end: '2026-09-30', income: '300000', expense: '6000', net: '294000', currency: 'EUR' },
      { start: '2026-10-01', end: '2026-10-31', income: '0', expense: '0', net: '0', currency: 'EUR' },
      { start: '2026-11-01', end: '2026-11-30', income: '0', expense: '14000', net: '-14000', currency: 'EUR' },
    ]);

    const spending = await app.ok(`{ spendingByCategory(from: "2026-09-01", to: "2026-11-30") { category { name } amount total share } }`, {}, h.user.token);
    expect(spending.spendingByCategory).toEqual([
      { category: { name: 'Travel' }, amount: '10000', total: '10000', share: 50 },
      { category: { name: 'Food' }, amount: '1000', total: '6000', share: 30 },
      { category: { name: 'Groceries' }, amount: '5000', total: '5000', share: 25 },
      { category: null, amount: '4000', total: '4000', share: 20 },
    ]);

    const worth = await app.ok(`{ netWorth(from: "2026-08-15", to: "2026-11-25") { on value currency } }`, {}, h.user.token);
    expect(worth.netWorth).toEqual([
      { on: '2026-08-31', value: '100000', currency: 'EUR' },
      { on: '2026-09-30', value: String(100000 + 300000 - 6000 - 10000 + 10000), currency: 'EUR' },
      { on: '2026-10-31', value: '394000', currency: 'EUR' },
      { on: '2026-11-25', value: String(394000 - 10000 - 4000), currency: 'EUR' },
    ]);
  });

  it('refuses a range that ends before it starts or spans more than 10 years', async () => {
    const h = await newHousehold(app);
    const backwards = await app.call(`{ incomeVsExpense(from: "2026-10-01", to: "2026-09-01") { start } }`, {}, h.user.token);
    expect(backwards.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'from' });
    const long = await app.call(`{ netWorth(from: "2000-01-01", to: "2026-01-01") { on } }`, {}, h.user.token);
    expect(long.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
  });

  it('budget status for 2 budgets and for 6 costs the same number of SQL statements', async () => {
    const statementsFor = async (budgets: number) => {
      const h = await newHousehold(app);
      const bank = await h.account('Bank', 'BANK', 'EUR');
      for (let i = 0; i < budgets; i++) {
        const category = await h.category(`C${i}`);
        await app.ok(`mutation($c: ID!) { createBudget(input: { categoryId: $c, period: MONTHLY, amount: "1000", startsOn: "2026-01-01", rollover: true }) { id } }`, { c: category }, h.user.token);
        await h.transaction({ kind: 'EXPENSE', accountId: bank, amount: '100', occurredOn: '2026-03-03', categoryId: category });
      }
      app.counter.reset();
      const result = await app.call(`{ budgets { category { name } status(on: "2026-06-15") { available spent } } }`, {}, h.user.token);
      expect(result.errors).toBeUndefined();
      // Five months of 10.00 with 1.00 spent in March: 10.00 + 9.00 + 10.00 × 4 carried, 59.00 available in June.
      expect((result.data!.budgets as { status: { available: string } }[]).map((b) => b.status.available)).toEqual(Array(budgets).fill('5900'));
      return app.counter.count;
    };
    expect(await statementsFor(6)).toBe(await statementsFor(2));
  });
});
