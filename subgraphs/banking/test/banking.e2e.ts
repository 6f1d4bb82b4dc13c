import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeId } from '@mosaic/kit';
import { startTestGraph, type TestGraph } from '@mosaic/platform/testing';
import { bankAccounts } from '../src/data/tables';

/** Through the gateway: a user signs up with accounts, creates a bankAccount here and reads it on `me`. */
let graph: TestGraph;
beforeAll(async () => {
  graph = await startTestGraph();
});
afterAll(() => graph.close());

describe('banking through the gateway', () => {
  it('createBankAccount, then me { bankAccounts } resolves the user in accounts and the list here', async () => {
    const { token } = await graph.signUp('banking-e2e@example.com');
    const created = await graph.call(`mutation { createBankAccount(input: { name: "Through the gateway" }) { id } }`, {}, token);
    expect(created.errors).toBeUndefined();
    const me = await graph.call(`{ me { email bankAccounts { edges { node { name owner { displayName } } } } } }`, {}, token);
    expect(me.errors).toBeUndefined();
    expect(me.data).toEqual({
      me: { email: 'banking-e2e@example.com', bankAccounts: { edges: [{ node: { name: 'Through the gateway', owner: { displayName: 'banking-e2e' } } }] } },
    });
  });

  it("removes a user's bankAccounts when their account is deleted (account.deleted from accounts)", async () => {
    const { token, userId } = await graph.signUp('banking-leaving@example.com');
    expect((await graph.call(`mutation { createBankAccount(input: { name: "Soon gone" }) { id } }`, {}, token)).errors).toBeUndefined();
    const deleted = await graph.call(`mutation { deleteAccount(input: { password: "velvet-otter-lantern" }) { userId } }`, {}, token);
    expect(deleted.errors).toBeUndefined();
    const left = async () => (await graph.database.db().select({ n: count() }).from(bankAccounts).where(eq(bankAccounts.ownerId, decodeId('User', userId))))[0]!.n;
    await expect.poll(left, { timeout: 10_000 }).toBe(0);
  });
});
