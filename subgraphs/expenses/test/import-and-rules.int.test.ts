import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newHousehold, startExpenses, TRANSACTIONS, type Expenses } from './harness';

let app: Expenses;
beforeAll(async () => {
  app = await startExpenses();
});
afterAll(() => app.close());

const PREVIEW = `query($input: CsvImportInput!) { previewCsvImport(input: $input) { newRows duplicates errors rows { line occurredOn kind amount payee category { name } tags duplicate error { line column message } } } }`;
const IMPORT = `mutation($input: CsvImportInput!) { importCsv(input: $input) { imported skippedDuplicates } }`;
const RULE = `mutation($input: CreateRuleInput!) { createRule(input: $input) { id pattern category { name } tags position } }`;

const GERMAN = ['Buchungstag;Empfänger;Verwendungszweck;Betrag', '02.11.2026;REWE Markt;Karte 1234;-23,45', '03.11.2026;Arbeitgeber GmbH;Gehalt November;2.500,00', '03.11.2026;Bäckerei;;-3,20', '03.11.2026;Bäckerei;;-3,20'].join('\n');
const mapping = { date: 'Buchungstag', amount: 'Betrag', payee: 'Empfänger', notes: 'Verwendungszweck' };

describe('CSV import', () => {
  it('previews with column mapping, formats and rules, imports once, skips duplicates on a second import', async () => {
    const h = await newHousehold(app);
    const bank = await h.account('Giro', 'BANK', 'EUR');
    const groceries = await h.category('Groceries');
    await app.ok(RULE, { input: { pattern: 'REWE', categoryId: groceries, tags: ['supermarket'] } }, h.user.token);
    const input = { accountId: bank, csv: GERMAN, mapping, dateFormat: 'DD_DOT_MM_DOT_YYYY', decimalSeparator: 'COMMA', delimiter: ';' };
    const preview = (await app.ok(PREVIEW, { input }, h.user.token)).previewCsvImport as { newRows: number; rows: Record<string, unknown>[] };
    expect(preview).toMatchObject({ newRows: 4, duplicates: 0, errors: 0 });
    expect(preview.rows[0]).toEqual({ line: 2, occurredOn: '2026-11-02', kind: 'EXPENSE', amount: '2345', payee: 'REWE Markt', category: { name: 'Groceries' }, tags: ['supermarket'], duplicate: false, error: null });
    expect(preview.rows[1]).toMatchObject({ kind: 'INCOME', amount: '250000', category: null });
    const before = await app.transactionCount();
    expect((await app.ok(PREVIEW, { input }, h.user.token)).previewCsvImport).toMatchObject({ newRows: 4 });
    expect(await app.transactionCount()).toBe(before);

    expect((await app.ok(IMPORT, { input }, h.user.token)).importCsv).toEqual({ imported: 4, skippedDuplicates: 0 });
    const listed = (await app.ok(TRANSACTIONS, { filter: { categoryId: groceries } }, h.user.token)).moneyTransactions as { edges: { node: { payee: string } }[] };
    expect(listed.edges.map((e) => e.node.payee)).toEqual(['REWE Markt']);
    // The same statement again, plus one new row: only the new one.
    const again = { ...input, csv: `${GERMAN}\n04.11.2026;Kino;;-12,00` };
    expect((await app.ok(PREVIEW, { input: again }, h.user.token)).previewCsvImport).toMatchObject({ newRows: 1, duplicates: 4 });
    expect((await app.ok(IMPORT, { input: again }, h.user.token)).importCsv).toEqual({ imported: 1, skippedDuplicates: 4 });
  });

  it('reports every broken row and imports nothing while any is broken', async () => {
    const h = await newHousehold(app);
    const bank = await h.account('Bank', 'BANK', 'EUR');
    const csv = ['date,amount,payee', '2026-11-01,-10.00,Shop', '2026-13-01,-5.00,Bad date', '2026-11-02,-1.005,Too precise', '2026-11-03,abc,Not money', '2026-11-04,12.50,Fine'].join('\n');
    const input = { accountId: bank, csv, mapping: { date: 'date', amount: 'amount', payee: 'payee' } };
    const preview = (await app.ok(PREVIEW, { input }, h.user.token)).previewCsvImport as { rows: { error: unknown }[] };
    expect(preview).toMatchObject({ newRows: 2, errors: 3 });
    expect(preview.rows.map((r) => r.error)).toEqual([
      null,
      { line: 3, column: 'date', message: expect.stringContaining('not a date') },
      { line: 4, column: 'amount', message: expect.stringContaining('fraction of a minor unit') },
      { line: 5, column: 'amount', message: expect.stringContaining('not an amount') },
      null,
    ]);
    const before = await app.transactionCount();
    const result = await app.call(IMPORT, { input }, h.user.token);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.csv', rowErrors: [{ line: 3 }, { line: 4 }, { line: 5 }] });
    expect(await app.transactionCount()).toBe(before);
    const notCsv = await app.call(IMPORT, { input: { ...input, csv: 'date,amount\n"2026-11-01,-1' } }, h.user.token);
    expect(notCsv.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.csv' });
    const missing = await app.call(IMPORT, { input: { ...input, mapping: { date: 'date', amount: 'betrag' } } }, h.user.token);
    expect(missing.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.mapping.amount' });
  });
});

describe('rules', () => {
  it('applied on demand: categorise uncategorised transactions and add tags, first rule with a category wins', async () => {
    const h = await newHousehold(app);
    const bank = await h.account('Bank', 'BANK', 'EUR');
    const coffee = await h.category('Coffee');
    const food = await h.category('Food');
    await h.transaction({ kind: 'EXPENSE', accountId: bank, amount: '350', occurredOn: '2026-11-01', payee: 'Starbucks Berlin' });
    await h.transaction({ kind: 'EXPENSE', accountId: bank, amount: '900', occurredOn: '2026-11-02', payee: 'Deli', notes: 'coffee beans' });
    await h.transaction({ kind: 'EXPENSE', accountId: bank, amount: '100', occurredOn: '2026-11-03', payee: 'Starbucks', categoryId: food });
    await app.ok(RULE, { input: { pattern: 'starbucks', categoryId: coffee, tags: ['coffee'] } }, h.user.token);
    await app.ok(RULE, { input: { field: 'ANY', pattern: 'coffee', categoryId: food, tags: ['caffeine'] } }, h.user.token);
    expect((await app.ok(`mutation { applyRules }`, {}, h.user.token)).applyRules).toBe(3);
    const list = await app.ok(`{ moneyTransactions { edges { node { payee tags splits { category { name } } } } } }`, {}, h.user.token);
    const byPayee = Object.fromEntries((list.moneyTransactions as { edges: { node: { payee: string; tags: string[]; splits: { category: { name: string } | null }[] } }[] }).edges.map((e) => [e.node.payee, e.node]));
    expect(byPayee['Starbucks Berlin']).toMatchObject({ tags: ['coffee'], splits: [{ category: { name: 'Coffee' } }] });
    expect(byPayee.Deli).toMatchObject({ tags: ['caffeine'], splits: [{ category: { name: 'Food' } }] });
    // Already categorised: the category stays, the tags come.
    expect(byPayee.Starbucks).toMatchObject({ tags: ['coffee'], splits: [{ category: { name: 'Food' } }] });
    expect((await app.ok(`mutation { applyRules }`, {}, h.user.token)).applyRules).toBe(0);
  });
});
