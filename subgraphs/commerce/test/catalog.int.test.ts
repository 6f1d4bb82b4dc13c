import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes } from '@mosaic/testing';
import { startCommerce, type Commerce } from './harness';

let app: Commerce;
beforeAll(async () => {
  app = await startCommerce();
});
afterAll(() => app.close());

const LIST = `query($search: String, $filter: ProductFilter, $first: Int, $after: String) {
  products(search: $search, filter: $filter, first: $first, after: $after) {
    edges { cursor highlight node { id name category { name parent { name } } priceRange { min { amount } max { amount } } inStock variants { sku available options { name value } } } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const CATEGORY = `mutation($input: CreateCategoryInput!) { createCategory(input: $input) { id name slug parent { id } } }`;

describe('catalog', () => {
  it('staff create categories and products with variants; customers and anonymous callers cannot', async () => {
    const root = (await app.ok(CATEGORY, { input: { name: `Clothing ${app.unique()}` } }, app.staff.token)).createCategory;
    const child = (await app.ok(CATEGORY, { input: { name: `Shirts ${app.unique()}`, parentId: root.id } }, app.staff.token)).createCategory;
    expect(child.parent.id).toBe(root.id);
    const created = await app.product({ prices: [1500, 2500], categoryId: child.id });
    expect(created.variants.map((v) => v.available)).toEqual([10, 10]);
    const customer = await app.auth.newUser();
    const refused = await app.call(CATEGORY, { input: { name: 'Nope' } }, customer.token);
    expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
    expect(errorCodes(await app.call(CATEGORY, { input: { name: 'Nope' } }))).toEqual(['UNAUTHENTICATED']);
    // The parent category's filter includes its sub-categories.
    const listed = await app.ok(LIST, { filter: { categoryId: root.id } });
    expect(listed.products.edges).toHaveLength(1);
    expect(listed.products.edges[0].node).toMatchObject({ category: { parent: { name: root.name } }, priceRange: { min: { amount: 1500 }, max: { amount: 2500 } }, inStock: true });
  });

  it('refuses bad catalog input with the field and writes nothing', async () => {
    const input = (variant: Record<string, unknown>) => ({ input: { name: 'Bad', variants: [{ sku: `B-${app.unique()}`, name: 'x', priceMinor: 100, stock: 1, ...variant }] } });
    const create = `mutation($input: CreateProductInput!) { createProduct(input: $input) { id } }`;
    const negative = await app.call(create, input({ priceMinor: -1 }), app.staff.token);
    expect(negative.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.variants.0.priceMinor' });
    const stock = await app.call(create, input({ stock: -5 }), app.staff.token);
    expect(stock.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.variants.0.stock' });
    const sku = (await app.product()).variants[0]!.sku;
    expect(errorCodes(await app.call(create, input({ sku }), app.staff.token))).toEqual(['CONFLICT']);
    const image = await app.call(create, { input: { name: 'Bad', images: ['javascript:alert(1)'], variants: [{ sku: `C-${app.unique()}`, name: 'x', priceMinor: 1, stock: 1 }] } }, app.staff.token);
    expect(image.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.images.0' });
  });

  it('full-text search with highlights, price and stock filters, cursor pages; drafts only for staff', async () => {
    const word = `zq${app.unique().toLowerCase()}`;
    await app.product({ name: `Linen shirt ${word}`, description: `A <light> shirt for summer, ${word} edition.`, prices: [3000] });
    await app.product({ name: `Wool sweater ${word}`, description: `Warm, for winter ${word}.`, prices: [9000], stock: 0 });
    await app.product({ name: `Draft ${word}`, description: `Not yet ${word}.`, status: 'DRAFT' });
    const hits = await app.ok(LIST, { search: `${word} shirts` });
    expect(hits.products.edges.map((e: { node: { name: string } }) => e.node.name)).toEqual([`Linen shirt ${word}`]);
    expect(hits.products.edges[0].highlight).not.toContain('<light>');
    expect(hits.products.edges[0].highlight).toContain('<b>');
    const all = async (variables: Record<string, unknown>, token?: string) => (await app.ok(LIST, { search: word, ...variables }, token)).products.edges.map((e: { node: { name: string } }) => e.node.name).sort();
    expect(await all({})).toEqual([`Linen shirt ${word}`, `Wool sweater ${word}`]);
    expect(await all({ filter: { inStock: true } })).toEqual([`Linen shirt ${word}`]);
    expect(await all({ filter: { minPrice: 5000 } })).toEqual([`Wool sweater ${word}`]);
    expect(await all({ filter: { maxPrice: 5000 } })).toEqual([`Linen shirt ${word}`]);
    expect(await all({}, app.staff.token)).toHaveLength(3);
    const page1 = (await app.ok(LIST, { search: word, first: 1 })).products;
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = (await app.ok(LIST, { search: word, first: 1, after: page1.pageInfo.endCursor })).products;
    expect(page2.edges[0].node.name).not.toBe(page1.edges[0].node.name);
    expect(page2.pageInfo.hasNextPage).toBe(false);
    expect(errorCodes(await app.call(LIST, { filter: { status: 'DRAFT' } }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await app.call(LIST, { filter: { minPrice: -1 } }))).toEqual(['BAD_USER_INPUT']);
  });

  it('a page of 2 products and of 20, with variants and categories, costs the same number of statements', async () => {
    const category = (await app.ok(CATEGORY, { input: { name: `Count ${app.unique()}` } }, app.staff.token)).createCategory;
    for (let i = 0; i < 20; i++) await app.product({ categoryId: category.id, prices: [100, 200] });
    const statementsFor = async (first: number) => {
      app.counter.reset();
      const data = await app.ok(LIST, { first, filter: { categoryId: category.id } });
      expect(data.products.edges).toHaveLength(first);
      return app.counter.count;
    };
    expect(await statementsFor(20)).toBe(await statementsFor(2));
  });

  it('Product is an entity: other subgraphs reference it by id; drafts resolve to null for customers', async () => {
    const active = await app.product({ name: 'Entity product' });
    const draft = await app.product({ status: 'DRAFT' });
    const entities = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Product { name inStock } } }`;
    const reps = [active, draft].map((p) => ({ __typename: 'Product', id: p.id }));
    expect((await app.ok(entities, { reps }))._entities).toEqual([{ name: 'Entity product', inStock: true }, null]);
    expect((await app.ok(entities, { reps }, app.staff.token))._entities[1]).not.toBeNull();
  });

  it('stock: staff adjust it, never below what is reserved; customers do not see inventory', async () => {
    const { variants } = await app.product({ stock: 3 });
    const adjust = `mutation($id: ID!, $delta: Int!) { adjustStock(variantId: $id, delta: $delta) { available inventory { onHand reserved } } }`;
    expect((await app.ok(adjust, { id: variants[0]!.id, delta: 2 }, app.staff.token)).adjustStock).toEqual({ available: 5, inventory: { onHand: 5, reserved: 0 } });
    expect(errorCodes(await app.call(adjust, { id: variants[0]!.id, delta: -6 }, app.staff.token))).toEqual(['CONFLICT']);
    const customer = await app.auth.newUser();
    const seen = await app.call(`query($id: ID!) { product(id: $id) { variants { inventory { onHand } } } }`, { id: (await app.product()).id }, customer.token);
    expect(errorCodes(seen)).toEqual(['FORBIDDEN']);
  });
});
