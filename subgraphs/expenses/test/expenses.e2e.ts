import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeId } from '@mosaic/kit';
import { startTestGraph, type TestGraph } from '@mosaic/platform/testing';
import { expenseAccounts } from '../src/data/tables';

/** Through the gateway: a user signs up with accounts, creates a expenseAccount here and reads it on `me`. */
let graph: TestGraph;
beforeAll(async () => {
  graph = await startTestGraph();
});
afterAll(() => graph.close());

describe('expenses through the gateway', () => {
  it('createExpenseAccount, then me { expenseAccounts } resolves the user in accounts and the list here', async () => {
    const { token } = await graph.signUp('expenses-e2e@example.com');
    const created = await graph.call(`mutation { createExpenseAccount(input: { name: "Through the gateway" }) { id } }`, {}, token);
    expect(created.errors).toBeUndefined();
    const me = await graph.call(`{ me { email expenseAccounts { edges { node { name owner { displayName } } } } } }`, {}, token);
    expect(me.errors).toBeUndefined();
    expect(me.data).toEqual({
      me: { email: 'expenses-e2e@example.com', expenseAccounts: { edges: [{ node: { name: 'Through the gateway', owner: { displayName: 'expenses-e2e' } } }] } },
    });
  });

  it("removes a user's expenseAccounts when their account is deleted (account.deleted from accounts)", async () => {
    const { token, userId } = await graph.signUp('expenses-leaving@example.com');
    expect((await graph.call(`mutation { createExpenseAccount(input: { name: "Soon gone" }) { id } }`, {}, token)).errors).toBeUndefined();
    const deleted = await graph.call(`mutation { deleteAccount(input: { password: "velvet-otter-lantern" }) { userId } }`, {}, token);
    expect(deleted.errors).toBeUndefined();
    const left = async () => (await graph.database.db().select({ n: count() }).from(expenseAccounts).where(eq(expenseAccounts.ownerId, decodeId('User', userId))))[0]!.n;
    await expect.poll(left, { timeout: 10_000 }).toBe(0);
  });
});
