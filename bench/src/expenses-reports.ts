import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnAllInOne } from '@mosaic/platform/spawn-all-in-one';
import { createTestDatabase, prepareTemplateDatabase } from '@mosaic/testing';
import { balancesAtPeriodEnds, incomeVsExpense, spendingByCategory } from '../../subgraphs/expenses/src/data/reports-repo';
import { gql } from './client';
import { saveResult, treeRssMiB } from './machine';

/**
 * Expenses reports over a year of 50,000 transactions of one user, through the gateway (the
 * all-in-one process as shipped, on the PostgreSQL server): each report query 40 times in a row
 * after 5 warm-ups, p50/p95/max. Set-up goes through `importCsv` (5,000 rows a call, rules applied,
 * budget thresholds checked), with the subgraph timeout raised to 60 s for it. The peer, in the same run: the same report SQL straight on the
 * database (postgres.js), so the ratio shows what GraphQL, the gateway and HTTP add.
 */
const PORT = Number(process.env.PORT ?? 4620);
const ROWS = Number(process.env.ROWS ?? 50_000);
const ROUNDS = Number(process.env.ROUNDS ?? 40);
const PER_IMPORT = 5_000;

const PAYEES: [string, string, number][] = [
  ['City Supermarket', 'Groceries', 4_500], ['Corner Bakery', 'Groceries', 600], ['Farmers market', 'Groceries', 2_200],
  ['Corner coffee', 'Coffee', 350], ['Pizza place', 'Restaurants', 2_800], ['Sushi bar', 'Restaurants', 4_200],
  ['Transit pass', 'Transport', 6_200], ['Fuel station', 'Transport', 5_500], ['Taxi', 'Transport', 1_800],
  ['Power company', 'Utilities', 7_500], ['Water works', 'Utilities', 3_000], ['Phone shop', 'Utilities', 2_500],
  ['Cinema', 'Fun', 1_400], ['Bookshop', 'Fun', 1_900], ['Pharmacy', 'Health', 1_200], ['Hardware store', 'Home', 3_400],
];
const TREE: Record<string, string | null> = { Food: null, Groceries: 'Food', Coffee: 'Food', Restaurants: 'Food', Transport: null, Home: null, Utilities: 'Home', Fun: null, Health: null, Salary: null };

/** A small deterministic generator: the same file every run. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => ((state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32);
}

function statement(from: number, count: number): string {
  const next = random(from + 1);
  const lines = ['date,amount,payee'];
  for (let i = from; i < from + count; i++) {
    const day = new Date(Date.UTC(2026, 0, 1) + Math.floor((i / ROWS) * 365) * 86_400_000).toISOString().slice(0, 10);
    if (i % 10 === 0) {
      lines.push(`${day},${(2_000 + next() * 2_000).toFixed(2)},Employer`);
      continue;
    }
    const [payee, , typical] = PAYEES[Math.floor(next() * PAYEES.length)]!;
    lines.push(`${day},-${((typical * (0.5 + next())) / 100).toFixed(2)},${payee} #${i}`);
  }
  return lines.join('\n');
}

async function timed(url: string, token: string, query: string, variables: Record<string, unknown> = {}) {
  for (let i = 0; i < 5; i++) await gql(url, query, variables, token);
  const samples: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const started = performance.now();
    await gql(url, query, variables, token);
    samples.push(performance.now() - started);
  }
  return stats(samples);
}

async function timedDirect(run: () => Promise<unknown>) {
  for (let i = 0; i < 5; i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  return stats(samples);
}

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! * 10) / 10;
  return { p50Ms: at(50), p95Ms: at(95), maxMs: at(100) };
}

await prepareTemplateDatabase();
const database = await createTestDatabase();
const keysDir = mkdtempSync(join(tmpdir(), 'mosaic-bench-keys-'));
const load = () => Math.round(loadavg()[0]! * 10) / 10;
const loadBefore = load();
const graph = await spawnAllInOne({ PORT: String(PORT), SUBGRAPH_PORTS: 'random', LOG_LEVEL: 'error', RATE_LIMIT_PER_IP: '0', RATE_LIMIT_PER_USER: '0', DATABASE_URL: database.url, DEV_KEYS_DIR: keysDir, MAX_BODY_BYTES: String(4 * 1024 * 1024), SUBGRAPH_TIMEOUT_MS: '60000' });
try {
  const url = `http://localhost:${PORT}/graphql`;
  const { register } = await gql<{ register: { accessToken: string; user: { id: string } } }>(url, `mutation($input: RegisterInput!) { register(input: $input) { accessToken user { id } } }`, {
    input: { email: `ledger-${Date.now()}@bench.dev`, password: 'velvet-otter-lantern' },
  });
  const token = register.accessToken;
  const { createMoneyAccount } = await gql<{ createMoneyAccount: { id: string } }>(url, `mutation { createMoneyAccount(input: { name: "Checking", kind: BANK, currency: "EUR", openingBalance: "500000" }) { id } }`, {}, token);
  const categories = new Map<string, string>();
  for (const [name, parent] of Object.entries(TREE)) {
    const { createExpenseCategory } = await gql<{ createExpenseCategory: { id: string } }>(url, `mutation($input: CreateExpenseCategoryInput!) { createExpenseCategory(input: $input) { id } }`, { input: { name, parentId: parent ? categories.get(parent) : null } }, token);
    categories.set(name, createExpenseCategory.id);
  }
  for (const [payee, category] of PAYEES) await gql(url, `mutation($input: CreateRuleInput!) { createRule(input: $input) { id } }`, { input: { pattern: payee.toLowerCase(), categoryId: categories.get(category) } }, token);
  await gql(url, `mutation($input: CreateRuleInput!) { createRule(input: $input) { id } }`, { input: { pattern: 'employer', categoryId: categories.get('Salary') } }, token);
  for (const name of ['Food', 'Transport', 'Fun']) {
    await gql(url, `mutation($c: ID!) { createBudget(input: { categoryId: $c, period: MONTHLY, amount: "150000", rollover: true, startsOn: "2026-01-01", thresholds: [1000] }) { id } }`, { c: categories.get(name) }, token);
  }
  const importStarted = performance.now();
  const importMs: number[] = [];
  for (let from = 0; from < ROWS; from += PER_IMPORT) {
    const started = performance.now();
    const result = await gql<{ importCsv: { imported: number } }>(url, `mutation($input: CsvImportInput!) { importCsv(input: $input) { imported } }`, { input: { accountId: createMoneyAccount.id, csv: statement(from, Math.min(PER_IMPORT, ROWS - from)), mapping: { date: 'date', amount: 'amount', payee: 'payee' } } }, token);
    if (result.importCsv.imported !== Math.min(PER_IMPORT, ROWS - from)) throw new Error(`imported ${result.importCsv.imported}`);
    importMs.push(Math.round(performance.now() - started));
  }
  const importSeconds = Math.round((performance.now() - importStarted) / 100) / 10;
  const ownerId = Buffer.from(register.user.id, 'base64url').toString().split(':')[1]!;
  const db = database.db();

  const reports = {
    incomeVsExpenseMonthly: await timed(url, token, `{ incomeVsExpense(from: "2026-01-01", to: "2026-12-31", period: MONTH) { start income expense net } }`),
    spendingByCategoryYear: await timed(url, token, `{ spendingByCategory(from: "2026-01-01", to: "2026-12-31") { category { name path } amount total share } }`),
    netWorthMonthly: await timed(url, token, `{ netWorth(from: "2026-01-01", to: "2026-12-31", period: MONTH) { on value } }`),
    budgetVsActual3Budgets: await timed(url, token, `{ budgets { category { name } status(on: "2026-12-15") { available spent remaining percentUsed } } }`),
    transactionsPageSearchQ2: await timed(url, token, `{ moneyTransactions(first: 50, filter: { from: "2026-04-01", to: "2026-06-30", search: "market" }) { totalCount edges { node { amount payee occurredOn splits { category { name } } } } } }`),
    transactionsPageCategorySubtree: await timed(url, token, `query($c: ID!) { moneyTransactions(first: 50, filter: { categoryId: $c }) { totalCount edges { node { amount payee account { balance } splits { category { path } } } } } }`, { c: categories.get('Food') }),
  };
  const direct = {
    incomeVsExpenseMonthly: await timedDirect(() => incomeVsExpense(db, ownerId, '2026-01-01', '2026-12-31', 'month')),
    spendingByCategoryYear: await timedDirect(() => spendingByCategory(db, ownerId, '2026-01-01', '2026-12-31')),
    netWorthBalancesMonthly: await timedDirect(() => balancesAtPeriodEnds(db, ownerId, '2026-01-01', '2026-12-31', 'month')),
  };
  const summary = {
    setup: { transactions: ROWS, days: 365, imports: Math.ceil(ROWS / PER_IMPORT), rowsPerImport: PER_IMPORT, importSeconds, importMsPerCall: importMs, rulesApplied: PAYEES.length + 1 },
    throughGateway: reports,
    sameSqlDirect: direct,
    ratioGatewayToDirectP50: {
      incomeVsExpenseMonthly: Math.round((reports.incomeVsExpenseMonthly.p50Ms / direct.incomeVsExpenseMonthly.p50Ms) * 100) / 100,
      spendingByCategoryYear: Math.round((reports.spendingByCategoryYear.p50Ms / direct.spendingByCategoryYear.p50Ms) * 100) / 100,
      netWorthMonthly: Math.round((reports.netWorthMonthly.p50Ms / direct.netWorthBalancesMonthly.p50Ms) * 100) / 100,
    },
    rssMiBAfter: treeRssMiB(graph.child.pid!),
    loadAverage1m: { before: loadBefore, after: load() },
  };
  console.log(JSON.stringify(summary, null, 2));
  console.log(`saved ${saveResult('expenses-reports', summary)}`);
} finally {
  await graph.stop();
  rmSync(keysDir, { recursive: true, force: true });
  await database.drop();
}
