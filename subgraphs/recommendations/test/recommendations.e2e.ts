import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeId } from '@mosaic/kit';
import { startTestGraph, type TestGraph } from '@mosaic/platform/testing';
import { interactions, items } from '../src/data/tables';

/**
 * Through the gateway: the shop's products reach recommendations through commerce's events,
 * users' behaviour is learned, an admin retrains, and `me { recommendations }` answers with
 * products resolved in commerce and reasons; a deleted account's behaviour goes.
 */
let graph: TestGraph;
let admin: string;
beforeAll(async () => {
  graph = await startTestGraph();
  admin = await adminToken('recs-admin@example.com');
});
afterAll(() => graph.close());

const RECORD = `mutation($input: RecordInteractionInput!) { recordInteraction(input: $input) { id } }`;

/** An administrator, made as an operator would: the role set in accounts, then a fresh login. */
async function adminToken(email: string) {
  const { userId } = await graph.signUp(email);
  await graph.database.db().execute(sql`update accounts.users set roles = array['user', 'admin'] where id = ${decodeId('User', userId)}`);
  const login = await graph.call(`mutation($input: LoginInput!) { login(input: $input) { accessToken } }`, { input: { email, password: 'velvet-otter-lantern' } });
  return login.data!.login.accessToken as string;
}

async function category(name: string) {
  const created = await graph.call(`mutation($name: String!) { createCategory(input: { name: $name }) { id } }`, { name }, admin);
  expect(created.errors).toBeUndefined();
  return created.data!.createCategory.id as string;
}

/** A product listed in commerce, once recommendations has learned of it (commerce's product.changed event). */
async function product(name: string, categoryId: string) {
  const created = await graph.call(`mutation($input: CreateProductInput!) { createProduct(input: $input) { id } }`, {
    input: { name, categoryId, variants: [{ sku: name.toUpperCase().replaceAll(' ', '-'), name: 'Default', priceMinor: 900, stock: 50 }] },
  }, admin);
  expect(created.errors).toBeUndefined();
  const id = created.data!.createProduct.id as string;
  const known = async () => (await graph.database.db().select({ n: count() }).from(items).where(eq(items.id, decodeId('Product', id))))[0]!.n;
  await expect.poll(known, { timeout: 10_000 }).toBe(1);
  return id;
}

describe('recommendations through the gateway', () => {
  it('me { recommendations } resolves products in commerce, with reasons, after behaviour is learned', async () => {
    const coffee = await category('Coffee');
    const espresso = await product('Espresso beans', coffee);
    const grinder = await product('Hand grinder', coffee);
    const tent = await product('Tent', await category('Outdoor'));
    for (let n = 0; n < 4; n++) {
      const { token } = await graph.signUp(`recs-shopper-${n}@example.com`);
      for (const itemId of [espresso, grinder]) expect((await graph.call(RECORD, { input: { itemId, kind: 'PURCHASE' } }, token)).errors).toBeUndefined();
    }
    const { token: camper } = await graph.signUp('recs-camper@example.com');
    await graph.call(RECORD, { input: { itemId: tent, kind: 'LIKE' } }, camper);
    const retrained = await graph.call(`mutation { retrainRecommendations { version items } }`, {}, admin);
    expect(retrained.errors).toBeUndefined();
    expect(retrained.data!.retrainRecommendations.items).toBe(3);

    const { token } = await graph.signUp('recs-e2e@example.com');
    expect((await graph.call(RECORD, { input: { itemId: espresso, kind: 'LIKE' } }, token)).errors).toBeUndefined();
    const me = await graph.call(`{ me { recommendations(kind: PRODUCT, first: 1) { item { __typename ... on Product { id name } } reason source } } }`, {}, token);
    expect(me.errors).toBeUndefined();
    const [top] = me.data!.me.recommendations;
    expect(top.item).toEqual({ __typename: 'Product', id: grinder, name: 'Hand grinder' });
    // Both recommenders that see the shoppers' pattern may lead; each explains itself.
    expect([
      { reason: 'Because you liked “Espresso beans”', source: 'ITEM_SIMILARITY' },
      { reason: 'Liked by people whose tastes match yours', source: 'FACTORIZATION' },
    ]).toContainEqual({ reason: top.reason, source: top.source });
    expect((await graph.call(`{ me { recommendations(kind: PRODUCT) { reason } } }`)).errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');

    // A product listed after the training reaches the users of its category by its content.
    const tamper = await product('Tamper', coffee);
    const later = await graph.call(`{ me { recommendations(kind: PRODUCT, first: 5) { item { ... on Product { id name } } reason source } } }`, {}, token);
    expect(later.data!.me.recommendations).toContainEqual({ item: { id: tamper, name: 'Tamper' }, reason: 'New in Coffee, which you like', source: 'CONTENT' });
  });

  it("removes a user's behaviour when their account is deleted (account.deleted from accounts)", async () => {
    const item = await product('Headlamp', await category('Lights'));
    const { token, userId } = await graph.signUp('recs-leaving@example.com');
    expect((await graph.call(RECORD, { input: { itemId: item, kind: 'VIEW' } }, token)).errors).toBeUndefined();
    const deleted = await graph.call(`mutation { deleteAccount(input: { password: "velvet-otter-lantern" }) { userId } }`, {}, token);
    expect(deleted.errors).toBeUndefined();
    const left = async () => (await graph.database.db().select({ n: count() }).from(interactions).where(eq(interactions.userId, decodeId('User', userId))))[0]!.n;
    await expect.poll(left, { timeout: 10_000 }).toBe(0);
  });
});
