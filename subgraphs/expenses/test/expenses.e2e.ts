import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeId } from '@mosaic/kit';
import { collect, wsClient } from '@mosaic/testing';
import { startTestGraph, type TestGraph } from '@mosaic/platform/testing';
import { moneyAccounts } from '../src/data/tables';

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
    const { token } = await graph.signUp('expenses-alerts@example.com');
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
    // The upstream subscribe message travels gateway → expenses asynchronously.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const spend = (amount: string, day: string) =>
      ok(`mutation($a: ID!, $c: ID!, $amount: Money!, $day: Date!) { createMoneyTransaction(input: { kind: EXPENSE, accountId: $a, categoryId: $c, amount: $amount, occurredOn: $day }) { id } }`, { a: account, c: food, amount, day });
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

  it("removes a user's moneyAccounts when their account is deleted (account.deleted from accounts)", async () => {
    const { token, userId } = await graph.signUp('expenses-leaving@example.com');
    expect((await graph.call(`mutation { createMoneyAccount(input: { name: "Soon gone", kind: CASH, currency: "EUR" }) { id } }`, {}, token)).errors).toBeUndefined();
    const deleted = await graph.call(`mutation { deleteAccount(input: { password: "velvet-otter-lantern" }) { userId } }`, {}, token);
    expect(deleted.errors).toBeUndefined();
    const left = async () => (await graph.database.db().select({ n: count() }).from(moneyAccounts).where(eq(moneyAccounts.ownerId, decodeId('User', userId))))[0]!.n;
    await expect.poll(left, { timeout: 10_000 }).toBe(0);
  });
});
