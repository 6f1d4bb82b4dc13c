import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeId } from '@mosaic/kit';
import { startTestGraph, type TestGraph } from '@mosaic/platform/testing';
import { products } from '../src/data/tables';

/** Through the gateway: a user signs up with accounts, creates a product here and reads it on `me`. */
let graph: TestGraph;
beforeAll(async () => {
  graph = await startTestGraph();
});
afterAll(() => graph.close());

describe('commerce through the gateway', () => {
  it('createProduct, then me { products } resolves the user in accounts and the list here', async () => {
    const { token } = await graph.signUp('commerce-e2e@example.com');
    const created = await graph.call(`mutation { createProduct(input: { name: "Through the gateway" }) { id } }`, {}, token);
    expect(created.errors).toBeUndefined();
    const me = await graph.call(`{ me { email products { edges { node { name owner { displayName } } } } } }`, {}, token);
    expect(me.errors).toBeUndefined();
    expect(me.data).toEqual({
      me: { email: 'commerce-e2e@example.com', products: { edges: [{ node: { name: 'Through the gateway', owner: { displayName: 'commerce-e2e' } } }] } },
    });
  });

  it("removes a user's products when their account is deleted (account.deleted from accounts)", async () => {
    const { token, userId } = await graph.signUp('commerce-leaving@example.com');
    expect((await graph.call(`mutation { createProduct(input: { name: "Soon gone" }) { id } }`, {}, token)).errors).toBeUndefined();
    const deleted = await graph.call(`mutation { deleteAccount(input: { password: "velvet-otter-lantern" }) { userId } }`, {}, token);
    expect(deleted.errors).toBeUndefined();
    const left = async () => (await graph.database.db().select({ n: count() }).from(products).where(eq(products.ownerId, decodeId('User', userId))))[0]!.n;
    await expect.poll(left, { timeout: 10_000 }).toBe(0);
  });
});
