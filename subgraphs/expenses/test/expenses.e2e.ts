import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, decodeId } from '@mosaic/kit';
import { collect, wsClient } from '@mosaic/testing';
import { startTestGraph, type TestGraph } from '@mosaic/platform/testing';
import { DEMO_USER, seedDemoData } from '../../../platform/src/seed';
import { moneyAccounts } from '../src/data/tables';
import { budgetAlertsTopic } from '../src/domain/live-alerts';

/** Through the gateway: a user signs up with accounts, creates a moneyAccount here and reads it on `me`. */
let graph: TestGraph;
beforeAll(async () => {
  graph = await startTestGraph();
});
afterAll(() => graph.close());

describe('expenses through the gateway', () => {
  it('createMoneyAccount, then me { moneyAccounts } resolves the user in accounts and the list here', async () => {
    const { token } = await graph.signUp('expenses-e2e@example.com');
    const created = await graph.call(`mutation { createMoneyAccount(input: { name: "Through the gateway", kind: BANK, currency: "EUR" }) { id } }`, {}, token);
    expect(created.errors).toBeUndefined();
    const me = await graph.call(`{ me { email moneyAccounts { edges { node { name owner { displayName } } } } } }`, {}, token);
    expect(me.errors).toBeUndefined();
    expect(me.data).toEqual({
      me: { email: 'expenses-e2e@example.com', moneyAccounts: { edges: [{ node: { name: 'Through the gateway', owner: { displayName: 'expenses-e2e' } } }] } },
    });
  });

  it('a purchase that crosses 80% of a budget arrives on budgetAlerts through the gateway, once', async () => {
    const { token, userId } = await graph.signUp('expenses-alerts@example.com');
    const ok = async (query: string, variables: Record<string, unknown> = {}) => {
      const result = await graph.call(query, variables, token);
      expect(result.errors).toBeUndefined();
      return result.data!;
    };
    const account = (await ok(`mutation { createMoneyAccount(input: { name: "Card", kind: CARD, currency: "EUR" }) { id } }`)).createMoneyAccount.id as string;
    const food = (await ok(`mutation { createExpenseCategory(input: { name: "Food" }) { id } }`)).createExpenseCategory.id as string;
    await ok(`mutation($c: ID!) { createBudget(input: { categoryId: $c, period: MONTHLY, amount: "10000", startsOn: "2026-11-01" }) { id } }`, { c: food });
    const client = wsClient(graph.gatewayUrl.replace('http', 'ws'), token);
    const alerts = collect(client, `subscription { budgetAlerts { threshold periodStart periodEnd spent available currency category { name } budget { amount period } } }`);
    await expect.poll(() => graph.gateway.subscriptions.stats().subscribers, { timeout: 10_000 }).toBe(1);
    // The upstream subscribe message travels gateway → expenses asynchronously: spend once expenses listens.
    await expect.poll(() => graph.listeners(budgetAlertsTopic(decodeId('User', userId)))).toBe(1);
    const spend = (amount: string, day: string) =>
      ok(`mutation($a: ID!, $c: ID!, $amount: Amount!, $day: Date!) { createMoneyTransaction(input: { kind: EXPENSE, accountId: $a, categoryId: $c, amount: $amount, occurredOn: $day }) { id } }`, { a: account, c: food, amount, day });
    await spend('7900', '2026-11-10');
    await spend('200', '2026-11-11');
    await spend('100', '2026-11-12');
    const [first] = await alerts.waitFor(1, 10_000);
    expect(first!.data).toEqual({
      budgetAlerts: { threshold: 80, periodStart: '2026-11-01', periodEnd: '2026-11-30', spent: '8100', available: '10000', currency: 'EUR', category: { name: 'Food' }, budget: { amount: '10000', period: 'MONTHLY' } },
    });
    await spend('2000', '2026-11-13');
    const [, second] = await alerts.waitFor(2, 10_000);
    expect(second!.data!.budgetAlerts).toMatchObject({ threshold: 100, spent: '10200' });
    expect(alerts.results).toHaveLength(2);
    alerts.stop();
    await client.dispose();
  });

  it('the demo seed: accounts, a month of categorised transactions, a groceries budget at 76% that the next purchase pushes over 80%', async () => {
    const modules = graph.modules.filter((module) => module.name === 'accounts' || module.name === 'expenses');
    await seedDemoData({ ...graph, modules }, graph.database.db(), createLogger('seed-test', { level: 'warn' }));
    const login = await graph.call(`mutation($email: String!, $password: String!) { login(input: { email: $email, password: $password }) { accessToken } }`, { email: DEMO_USER.email, password: DEMO_USER.password });
    const token = login.data!.login.accessToken as string;
    const books = await graph.call(`{ me { moneyAccounts { edges { node { name currency balance } } } } budgets { category { id name } period status { available spent percentUsed } } moneyTransactions(first: 100) { totalCount } }`, {}, token);
    expect(books.errors).toBeUndefined();
    expect(books.data!.me.moneyAccounts.edges.map((e: { node: { name: string } }) => e.node.name).sort()).toEqual(['Checking', 'Travel card', 'Wallet']);
    expect(books.data!.moneyTransactions.totalCount).toBeGreaterThan(15);
    const groceries = books.data!.budgets.find((b: { category: { name: string } }) => b.category.name === 'Groceries');
    expect(groceries.status).toMatchObject({ available: '40000', spent: '30400', percentUsed: 76 });
    const checking = (await graph.call(`{ me { moneyAccounts { edges { node { id name } } } } }`, {}, token)).data!.me.moneyAccounts.edges.find((e: { node: { name: string } }) => e.node.name === 'Checking').node.id;
    const client = wsClient(graph.gatewayUrl.replace('http', 'ws'), token);
    const alerts = collect(client, `subscription { budgetAlerts { threshold category { name } spent available } }`);
    await expect.poll(() => graph.gateway.subscriptions.stats().subscribers, { timeout: 10_000 }).toBe(1);
    const demoUserId = (await graph.call(`{ me { id } }`, {}, token)).data!.me.id as string;
    await expect.poll(() => graph.listeners(budgetAlertsTopic(decodeId('User', demoUserId)))).toBe(1);
    const today = new Date().toISOString().slice(0, 10);
    const bought = await graph.call(`mutation($a: ID!, $c: ID!, $d: Date!) { createMoneyTransaction(input: { kind: EXPENSE, accountId: $a, categoryId: $c, amount: "2000", occurredOn: $d, payee: "City Supermarket" }) { id } }`, { a: checking, c: groceries.category.id, d: today }, token);
    expect(bought.errors).toBeUndefined();
    const [alert] = await alerts.waitFor(1, 10_000);
    expect(alert!.data).toEqual({ budgetAlerts: { threshold: 80, category: { name: 'Groceries' }, spent: '32400', available: '40000' } });
    alerts.stop();
    await client.dispose();
  });

  it("removes a user's moneyAccounts when their account is deleted (account.deleted from accounts)", async () => {
    const { token, userId } = await graph.signUp('expenses-leaving@example.com');
    expect((await graph.call(`mutation { createMoneyAccount(input: { name: "Soon gone", kind: CASH, currency: "EUR" }) { id } }`, {}, token)).errors).toBeUndefined();
    const deleted = await graph.call(`mutation { deleteAccount(input: { password: "velvet-otter-lantern" }) { userId } }`, {}, token);
    expect(deleted.errors).toBeUndefined();
    const left = async () => (await graph.database.db().select({ n: count() }).from(moneyAccounts).where(eq(moneyAccounts.ownerId, decodeId('User', userId))))[0]!.n;
    await expect.poll(left, { timeout: 10_000 }).toBe(0);
  });
});
