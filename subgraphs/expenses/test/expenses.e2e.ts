import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeId } from '@mosaic/kit';
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

  it("removes a user's moneyAccounts when their account is deleted (account.deleted from accounts)", async () => {
    const { token, userId } = await graph.signUp('expenses-leaving@example.com');
    expect((await graph.call(`mutation { createMoneyAccount(input: { name: "Soon gone", kind: CASH, currency: "EUR" }) { id } }`, {}, token)).errors).toBeUndefined();
    const deleted = await graph.call(`mutation { deleteAccount(input: { password: "velvet-otter-lantern" }) { userId } }`, {}, token);
    expect(deleted.errors).toBeUndefined();
    const left = async () => (await graph.database.db().select({ n: count() }).from(moneyAccounts).where(eq(moneyAccounts.ownerId, decodeId('User', userId))))[0]!.n;
    await expect.poll(left, { timeout: 10_000 }).toBe(0);
  });
});
