import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newHousehold, startExpenses, TRANSACTIONS, type Expenses } from './harness';

let app: Expenses;
beforeAll(async () => {
  app = await startExpenses({ EXPENSES_RECURRING_INTERVAL_MS: '200' });
});
afterAll(() => app.close());

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const CREATE = `mutation($input: CreateRecurringTransactionInput!) { createRecurringTransaction(input: $input) { id rule startsOn kind amount category { name } upcoming(first: 3) } }`;

describe('recurring transactions', () => {
  it('posts every occurrence up to today once (missed ones too) and lists the upcoming ones', async () => {
    const h = await newHousehold(app);
    const bank = await h.account('Bank', 'BANK', 'EUR');
    const gym = await h.category('Gym');
    const created = await app.ok(CREATE, { input: { rule: 'freq=weekly', startsOn: day(-15), transaction: { kind: 'EXPENSE', accountId: bank, amount: '2500', payee: 'Gym', categoryId: gym } } }, h.user.token);
    expect(created.createRecurringTransaction).toMatchObject({ rule: 'FREQ=WEEKLY', startsOn: day(-15), kind: 'EXPENSE', amount: '2500', category: { name: 'Gym' } });
    const posted = async () => ((await app.ok(TRANSACTIONS, { filter: { accountId: bank } }, h.user.token)).moneyTransactions as { totalCount: number; edges: { node: { occurredOn: string } }[] });
    await expect.poll(async () => (await posted()).totalCount, { timeout: 10_000 }).toBe(3);
    expect((await posted()).edges.map((e) => e.node.occurredOn)).toEqual([day(-1), day(-8), day(-15)]);
    const series = await app.ok(`{ recurringTransactions { upcoming(first: 2) } }`, {}, h.user.token);
    expect(series.recurringTransactions).toEqual([{ upcoming: [day(6), day(13)] }]);
    // Later runs post nothing twice: wait for a few more runs of the job (every 200 ms).
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect((await posted()).totalCount).toBe(3);
  });

  it('a future series only lists its occurrences; bad rules are refused', async () => {
    const h = await newHousehold(app);
    const bank = await h.account('Bank', 'BANK', 'EUR');
    const created = await app.ok(CREATE, { input: { rule: 'FREQ=MONTHLY;BYMONTHDAY=1', startsOn: '2027-01-01', transaction: { kind: 'INCOME', accountId: bank, amount: '300000', payee: 'Employer' } } }, h.user.token);
    expect((created.createRecurringTransaction as { upcoming: string[] }).upcoming).toEqual(['2027-01-01', '2027-02-01', '2027-03-01']);
    const bad = await app.call(CREATE, { input: { rule: 'FREQ=SOMETIMES', startsOn: '2027-01-01', transaction: { kind: 'INCOME', accountId: bank, amount: '1' } } }, h.user.token);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.rule' });
    const fraction = await app.call(CREATE, { input: { rule: 'FREQ=DAILY', startsOn: '2027-01-01', transaction: { kind: 'INCOME', accountId: bank, amount: '1.5' } } }, h.user.token);
    expect(fraction.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.transaction.amount' });
  });
});
