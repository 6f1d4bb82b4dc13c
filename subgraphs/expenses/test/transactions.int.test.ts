import { encodeId, uuidv7 } from '@mosaic/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes } from '@mosaic/testing';
import { CREATE_ACCOUNT, CREATE_TRANSACTION, newHousehold, startExpenses, TRANSACTIONS, type Expenses } from './harness';

let app: Expenses;
beforeAll(async () => {
  app = await startExpenses();
});
afterAll(() => app.close());

describe('accounts and transactions', () => {
  it('books income, an expense and a transfer; balances follow', async () => {
    const h = await newHousehold(app);
    const bank = await h.account('Bank', 'BANK', 'EUR', '100000');
    const cash = await h.account('Wallet', 'CASH', 'EUR');
    const food = await h.category('Food');
    const income = await h.transaction({ kind: 'INCOME', accountId: bank, amount: '250000', occurredOn: '2026-11-01', payee: 'Employer' });
    expect(income).toMatchObject({ kind: 'INCOME', amount: '250000', currency: 'EUR', baseAmount: '250000', conversion: { from: 'EUR', to: 'EUR', rate: '1', source: 'identity' } });
    const lunch = await h.transaction({ kind: 'EXPENSE', accountId: bank, amount: 1250, occurredOn: '2026-11-02', payee: 'Café', categoryId: food, tags: ['Work', 'work'] });
    expect(lunch).toMatchObject({ amount: '1250', tags: ['work'], splits: [{ amount: '1250', category: { name: 'Food', path: ['Food'] } }] });
    const transfer = await h.transaction({ kind: 'TRANSFER', accountId: bank, toAccountId: cash, amount: '5000', occurredOn: '2026-11-03' });
    expect(transfer).toMatchObject({ kind: 'TRANSFER', toAmount: '5000', splits: [], account: { balance: String(100000 + 250000 - 1250 - 5000) }, toAccount: { balance: '5000' } });
  });

  it('converts into the base currency at the day’s rate and keeps the rate with it (offline table)', async () => {
    const h = await newHousehold(app);
    const usd = await h.account('US card', 'CARD', 'USD');
    const jpy = await h.account('Yen', 'CASH', 'JPY');
    const dinner = await h.transaction({ kind: 'EXPENSE', accountId: usd, amount: '10321', occurredOn: '2026-10-10' });
    // 1 EUR = 1.0321 USD in the offline table: 103.21 USD is 100.00 EUR.
    expect(dinner).toMatchObject({ baseAmount: '10000', conversion: { from: 'USD', to: 'EUR', rateDate: '2026-10-10', source: 'offline' } });
    expect(Number((dinner.conversion as { rate: string }).rate)).toBeCloseTo(1 / 1.0321, 9);
    // JPY has no minor digits: 16302 yen is 100.00 EUR at 163.02.
    expect(await h.transaction({ kind: 'EXPENSE', accountId: jpy, amount: '16302', occurredOn: '2026-10-10' })).toMatchObject({ baseAmount: '10000' });
    // A transfer between currencies arrives converted unless the amount that arrived is given.
    const t = await h.transaction({ kind: 'TRANSFER', accountId: usd, toAccountId: jpy, amount: '10321', occurredOn: '2026-10-11' });
    expect(t.toAmount).toBe('16302');
  });

  it('splits a transaction across categories; base amounts of the parts add up exactly', async () => {
    const h = await newHousehold(app);
    const usd = await h.account('Card', 'CARD', 'USD');
    const food = await h.category('Food');
    const home = await h.category('Home');
    const t = await h.transaction({ kind: 'EXPENSE', accountId: usd, amount: '1000', occurredOn: '2026-11-05', splits: [{ categoryId: food, amount: '333' }, { categoryId: home, amount: '333' }, { amount: '334', notes: 'misc' }] });
    const splits = t.splits as { amount: string; baseAmount: string; category: { name: string } | null }[];
    expect(splits.map((s) => [s.category?.name ?? null, s.amount])).toEqual([['Food', '333'], ['Home', '333'], [null, '334']]);
    expect(splits.reduce((sum, s) => sum + Number(s.baseAmount), 0)).toBe(Number(t.baseAmount));
  });

  it('refuses bad input with a clear error and writes nothing', async () => {
    const h = await newHousehold(app);
    const other = await newHousehold(app);
    const mine = await h.account('Mine', 'BANK', 'EUR');
    const second = await h.account('Savings', 'BANK', 'EUR');
    const theirs = await other.account('Theirs', 'BANK', 'EUR');
    const food = await h.category('Food');
    const before = await app.transactionCount();
    const attempt = async (input: Record<string, unknown>) => (await app.call(CREATE_TRANSACTION, { input }, h.user.token)).errors?.[0]?.extensions;
    const base = { kind: 'EXPENSE', accountId: mine, amount: '100', occurredOn: '2026-11-01' };
    expect(await attempt({ kind: 'TRANSFER', accountId: mine, toAccountId: theirs, amount: '100', occurredOn: '2026-11-01' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.toAccountId' });
    expect(await attempt({ ...base, amount: '12.5' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.amount' });
    expect(await attempt({ ...base, amount: 12.5 })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.amount' });
    expect(await attempt({ ...base, amount: '-5' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.amount' });
    expect(await attempt({ ...base, accountId: theirs })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.accountId' });
    expect(await attempt({ ...base, occurredOn: '2026-02-30' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.occurredOn' });
    expect(await attempt({ ...base, splits: [{ categoryId: food, amount: '60' }, { amount: '50' }] })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.splits' });
    expect(await attempt({ kind: 'TRANSFER', accountId: mine, toAccountId: second, amount: '100', occurredOn: '2026-11-01', categoryId: food })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.splits' });
    expect(await attempt({ kind: 'TRANSFER', accountId: mine, toAccountId: mine, amount: '100', occurredOn: '2026-11-01' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.toAccountId' });
    const theirCategory = await other.category('Theirs');
    expect(await attempt({ ...base, categoryId: theirCategory })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.categoryId' });
    const badCurrency = await app.call(CREATE_ACCOUNT, { input: { name: 'x', kind: 'BANK', currency: 'XYZ' } }, h.user.token);
    expect(badCurrency.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.currency' });
    expect(await app.transactionCount()).toBe(before);
    expect(errorCodes(await app.call(CREATE_TRANSACTION, { input: base }))).toEqual(['UNAUTHENTICATED']);
  });

  it('lists newest first with cursors and filters by period, account, category subtree, kind, text and tags', async () => {
    const h = await newHousehold(app);
    const bank = await h.account('Bank', 'BANK', 'EUR');
    const card = await h.account('Card', 'CARD', 'EUR');
    const food = await h.category('Food');
    const groceries = await h.category('Groceries', food);
    const travel = await h.category('Travel');
    await h.transaction({ kind: 'EXPENSE', accountId: bank, amount: '100', occurredOn: '2026-09-30', payee: 'Old Bakery', categoryId: food });
    await h.transaction({ kind: 'EXPENSE', accountId: bank, amount: '200', occurredOn: '2026-10-05', payee: 'Supermarket', categoryId: groceries, tags: ['weekly'] });
    await h.transaction({ kind: 'EXPENSE', accountId: card, amount: '300', occurredOn: '2026-10-06', payee: 'Airline', categoryId: travel, notes: 'flight to Lisbon' });
    await h.transaction({ kind: 'INCOME', accountId: bank, amount: '400', occurredOn: '2026-10-07', payee: 'Employer' });
    await h.transaction({ kind: 'TRANSFER', accountId: bank, toAccountId: card, amount: '500', occurredOn: '2026-10-08' });
    const list = async (filter: Record<string, unknown> = {}, first?: number, after?: string) =>
      (await app.ok(TRANSACTIONS, { filter, first, after }, h.user.token)).moneyTransactions as { totalCount: number; edges: { node: { payee: string | null; amount: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
    const amounts = async (filter: Record<string, unknown>) => (await list(filter)).edges.map((e) => e.node.amount);
    const page1 = await list({}, 2);
    expect(page1.edges.map((e) => e.node.amount)).toEqual(['500', '400']);
    expect(page1).toMatchObject({ totalCount: 5, pageInfo: { hasNextPage: true } });
    const page2 = await list({}, 2, page1.pageInfo.endCursor);
    expect(page2.edges.map((e) => e.node.amount)).toEqual(['300', '200']);
    expect(await amounts({ from: '2026-10-01', to: '2026-10-06' })).toEqual(['300', '200']);
    expect(await amounts({ accountId: card })).toEqual(['500', '300']);
    expect(await amounts({ categoryId: food })).toEqual(['200', '100']);
    expect(await amounts({ categoryId: groceries })).toEqual(['200']);
    expect(await amounts({ kind: 'INCOME' })).toEqual(['400']);
    expect(await amounts({ search: 'lisbon' })).toEqual(['300']);
    expect(await amounts({ search: 'BAKERY' })).toEqual(['100']);
    expect(await amounts({ search: '%' })).toEqual([]);
    expect(await amounts({ tags: ['Weekly'] })).toEqual(['200']);
    const other = await newHousehold(app);
    expect((await app.ok(TRANSACTIONS, {}, other.user.token)).moneyTransactions).toMatchObject({ totalCount: 0, edges: [] });
    const bad = await app.call(TRANSACTIONS, { filter: { from: '2026-10-10', to: '2026-10-01' } }, h.user.token);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.from' });
  });

  it('updates and deletes a transaction; someone else’s is null', async () => {
    const h = await newHousehold(app);
    const other = await newHousehold(app);
    const bank = await h.account('Bank', 'BANK', 'EUR');
    const t = await h.transaction({ kind: 'EXPENSE', accountId: bank, amount: '100', occurredOn: '2026-10-01' });
    const UPDATE = `mutation($id: ID!, $input: MoneyTransactionInput!) { updateMoneyTransaction(id: $id, input: $input) { amount payee account { balance } } }`;
    const DELETE = `mutation($id: ID!) { deleteMoneyTransaction(id: $id) }`;
    const changed = await app.ok(UPDATE, { id: t.id, input: { kind: 'EXPENSE', accountId: bank, amount: '150', occurredOn: '2026-10-01', payee: 'Shop' } }, h.user.token);
    expect(changed.updateMoneyTransaction).toEqual({ amount: '150', payee: 'Shop', account: { balance: '-150' } });
    expect((await app.ok(`query($id: ID!) { moneyAccount(id: $id) { balance } }`, { id: bank }, h.user.token)).moneyAccount).toEqual({ balance: '-150' });
    expect((await app.ok(DELETE, { id: t.id }, other.user.token)).deleteMoneyTransaction).toBeNull();
    expect((await app.ok(DELETE, { id: t.id }, h.user.token)).deleteMoneyTransaction).toBe(t.id);
    expect((await app.ok(`query($id: ID!) { moneyTransaction(id: $id) { id } }`, { id: t.id }, h.user.token)).moneyTransaction).toBeNull();
  });

  it('attaches a receipt by file id (receipt: File) to your own transaction only', async () => {
    const h = await newHousehold(app);
    const other = await newHousehold(app);
    const bank = await h.account('Bank', 'BANK', 'EUR');
    const t = await h.transaction({ kind: 'EXPENSE', accountId: bank, amount: '100', occurredOn: '2026-10-01' });
    const fileId = encodeId('File', uuidv7());
    const ATTACH = `mutation($t: ID!, $f: ID) { attachReceipt(transactionId: $t, fileId: $f) { receipt { id } } }`;
    expect((await app.ok(ATTACH, { t: t.id, f: fileId }, h.user.token)).attachReceipt).toEqual({ receipt: { id: fileId } });
    expect((await app.ok(ATTACH, { t: t.id, f: fileId }, other.user.token)).attachReceipt).toBeNull();
    const wrongType = await app.call(ATTACH, { t: t.id, f: t.id }, h.user.token);
    expect(wrongType.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'fileId' });
    expect((await app.ok(ATTACH, { t: t.id, f: null }, h.user.token)).attachReceipt).toEqual({ receipt: null });
  });

  it('keeps the category tree consistent: no cycles, unique sibling names', async () => {
    const h = await newHousehold(app);
    const food = await h.category('Food');
    const groceries = await h.category('Groceries', food);
    const UPDATE = `mutation($id: ID!, $input: UpdateExpenseCategoryInput!) { updateExpenseCategory(id: $id, input: $input) { name path } }`;
    const cycle = await app.call(UPDATE, { id: food, input: { parentId: groceries } }, h.user.token);
    expect(cycle.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.parentId' });
    const duplicate = await app.call(`mutation($input: CreateExpenseCategoryInput!) { createExpenseCategory(input: $input) { id } }`, { input: { name: 'food' } }, h.user.token);
    expect(errorCodes(duplicate)).toEqual(['CONFLICT']);
    const tree = await app.ok(`{ expenseCategories { name children { name path parent { name } } } }`, {}, h.user.token);
    expect(tree.expenseCategories).toEqual([{ name: 'Food', children: [{ name: 'Groceries', path: ['Food', 'Groceries'], parent: { name: 'Food' } }] }]);
  });

  it('a page of 2 transactions and of 10 cost the same number of SQL statements', async () => {
    const h = await newHousehold(app);
    const bank = await h.account('Bank', 'BANK', 'EUR');
    const card = await h.account('Card', 'CARD', 'EUR');
    const food = await h.category('Food');
    const home = await h.category('Home', food);
    for (let i = 0; i < 10; i++) {
      await h.transaction(
        i % 3 === 0
          ? { kind: 'TRANSFER', accountId: bank, toAccountId: card, amount: '10', occurredOn: `2026-10-${String(i + 1).padStart(2, '0')}` }
          : { kind: 'EXPENSE', accountId: i % 2 ? bank : card, amount: '10', occurredOn: `2026-10-${String(i + 1).padStart(2, '0')}`, splits: [{ categoryId: food, amount: '4' }, { categoryId: home, amount: '6' }] },
      );
    }
    const QUERY = `query($first: Int) { moneyTransactions(first: $first) { totalCount edges { node { amount account { name balance } toAccount { name balance } splits { amount category { name path parent { name } } } conversion { rate } } } } }`;
    const statementsFor = async (first: number) => {
      app.counter.reset();
      const result = await app.call(QUERY, { first }, h.user.token);
      expect(result.errors).toBeUndefined();
      return app.counter.count;
    };
    expect(await statementsFor(10)).toBe(await statementsFor(2));
  });
});
