import { randomUUID } from 'node:crypto';
import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeId, encodeId } from '@mosaic/kit';
import { startTestGraph, type TestGraph } from '@mosaic/platform/testing';
import { interactions } from '../src/data/tables';
import { registerItem } from '../src/domain/items';

/**
 * Through the gateway: users record what they like, an admin retrains, and `me { recommendations }`
 * answers with items (federated entities) and reasons; a deleted account's behaviour goes.
 */
let graph: TestGraph;
beforeAll(async () => {
  graph = await startTestGraph();
});
afterAll(() => graph.close());

const RECORD = `mutation($input: RecordInteractionInput!) { recordInteraction(input: $input) { id } }`;

async function listProduct(title: string, category: string) {
  const id = randomUUID();
  await registerItem(graph.database.db(), { kind: 'PRODUCT', id, title, category, tags: [], listedAt: new Date(Date.now() - 86_400_000) });
  return encodeId('Product', id);
}

/** An administrator, made as an operator would: the role set in accounts, then a fresh login. */
async function adminToken(email: string) {
  const { userId } = await graph.signUp(email);
  await graph.database.db().execute(sql`update accounts.users set roles = array['user', 'admin'] where id = ${decodeId('User', userId)}`);
  const login = await graph.call(`mutation($input: LoginInput!) { login(input: $input) { accessToken } }`, { input: { email, password: 'velvet-otter-lantern' } });
  return login.data!.login.accessToken as string;
}

describe('recommendations through the gateway', () => {
  it('me { recommendations } resolves items and reasons after behaviour is learned', async () => {
    const espresso = await listProduct('Espresso beans', 'Coffee');
    const grinder = await listProduct('Hand grinder', 'Coffee');
    const tent = await listProduct('Tent', 'Outdoor');
    for (let n = 0; n < 4; n++) {
      const { token } = await graph.signUp(`recs-shopper-${n}@example.com`);
      for (const itemId of [espresso, grinder]) expect((await graph.call(RECORD, { input: { itemId, kind: 'PURCHASE' } }, token)).errors).toBeUndefined();
    }
    const { token: camper } = await graph.signUp('recs-camper@example.com');
    await graph.call(RECORD, { input: { itemId: tent, kind: 'LIKE' } }, camper);
    const retrained = await graph.call(`mutation { retrainRecommendations { version items } }`, {}, await adminToken('recs-admin@example.com'));
    expect(retrained.errors).toBeUndefined();
    expect(retrained.data!.retrainRecommendations.items).toBe(3);

    const { token } = await graph.signUp('recs-e2e@example.com');
    expect((await graph.call(RECORD, { input: { itemId: espresso, kind: 'LIKE' } }, token)).errors).toBeUndefined();
    const me = await graph.call(`{ me { email recommendations(kind: PRODUCT, first: 1) { item { __typename ... on Product { id } } reason source } } }`, {}, token);
    expect(me.errors).toBeUndefined();
    const [top] = me.data!.me.recommendations;
    expect(top.item).toEqual({ __typename: 'Product', id: grinder });
    // Both recommenders that see the shoppers' pattern may lead; each explains itself.
    expect([
      { reason: 'Because you liked “Espresso beans”', source: 'ITEM_SIMILARITY' },
      { reason: 'Liked by people whose tastes match yours', source: 'FACTORIZATION' },
    ]).toContainEqual({ reason: top.reason, source: top.source });
    expect((await graph.call(`{ me { recommendations(kind: PRODUCT) { reason } } }`)).errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  });

  it("removes a user's behaviour when their account is deleted (account.deleted from accounts)", async () => {
    const item = await listProduct('Headlamp', 'Outdoor');
    const { token, userId } = await graph.signUp('recs-leaving@example.com');
    expect((await graph.call(RECORD, { input: { itemId: item, kind: 'VIEW' } }, token)).errors).toBeUndefined();
    const deleted = await graph.call(`mutation { deleteAccount(input: { password: "velvet-otter-lantern" }) { userId } }`, {}, token);
    expect(deleted.errors).toBeUndefined();
    const left = async () => (await graph.database.db().select({ n: count() }).from(interactions).where(eq(interactions.userId, decodeId('User', userId))))[0]!.n;
    await expect.poll(left, { timeout: 10_000 }).toBe(0);
  });
});
