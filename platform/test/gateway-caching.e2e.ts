import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { decodeId } from '@mosaic/kit';
import { startTestGraph, type TestGraph } from '@mosaic/platform/testing';

/**
 * The gateway's caches on the real graph (README "Caching"): `trending` comes from
 * recommendations, the products and posts in it from commerce's and blog's `_entities`, whose
 * types carry `@cacheControl` hints. Subgraph requests are counted from the gateway's metrics; the
 * caches run on a clock of the test's own, so expiry and `Age` need no waiting.
 */
let graph: TestGraph;
let admin: string;
let reader: string;
let productId: string;
let postId: string;
let clockMs = Date.parse('2026-12-01T12:00:00.000Z');
const dropped: string[] = [];
const dropsOf = (entity: string) => dropped.filter((e) => e === entity).length;

const TRENDING_PRODUCTS = `query Trending($first: Int) { trending(kind: PRODUCT, first: $first) { item { ... on Product { id name } } } }`;
const TRENDING_POSTS = `query TrendingPosts($first: Int) { trending(kind: POST, first: $first) { item { ... on Post { id title viewerCanEdit } } } }`;

async function metric(name: string, sample: string, labels: Record<string, string>): Promise<number> {
  const found = await graph.gateway.metrics.registry.getSingleMetric(name)?.get();
  return (found?.values ?? [])
    .filter((v) => ((v as { metricName?: string }).metricName ?? name) === sample && Object.entries(labels).every(([k, value]) => v.labels[k] === value))
    .reduce((sum, v) => sum + v.value, 0);
}
const requestsTo = (subgraph: string) => metric('mosaic_gateway_subgraph_request_duration_seconds', 'mosaic_gateway_subgraph_request_duration_seconds_count', { subgraph });
const entityLookups = (subgraph: string, outcome: 'hit' | 'miss') => metric('mosaic_gateway_entity_cache_total', 'mosaic_gateway_entity_cache_total', { subgraph, outcome });

/** Runs `query` and returns its data and how many requests each named subgraph received meanwhile. */
async function counted(query: string, variables: Record<string, unknown>, token: string | undefined, subgraphs: string[], headers: Record<string, string> = {}) {
  const before = await Promise.all(subgraphs.map(requestsTo));
  const response = await fetch(graph.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  expect(body.errors).toBeUndefined();
  const after = await Promise.all(subgraphs.map(requestsTo));
  return { data: body.data!, headers: response.headers, requests: Object.fromEntries(subgraphs.map((name, i) => [name, after[i]! - before[i]!])) };
}

async function adminToken(email: string) {
  const { userId } = await graph.signUp(email);
  await graph.database.db().execute(sql`update accounts.users set roles = array['user', 'admin'] where id = ${decodeId('User', userId)}`);
  const login = await graph.call(`mutation($input: LoginInput!) { login(input: $input) { accessToken } }`, { input: { email, password: 'velvet-otter-lantern' } });
  return login.data!.login.accessToken as string;
}

/** Waits until recommendations has learned of an item from its domain's event. */
async function learned(id: string) {
  const known = async () => (await graph.database.db().execute(sql`select count(*)::int as n from recommendations.items where id = ${id}`)) as unknown as { n: number }[];
  await vi.waitFor(async () => expect((await known())[0]!.n).toBe(1), { timeout: 20_000, interval: 50 });
}

beforeAll(async () => {
  graph = await startTestGraph({ caching: { now: () => clockMs, onDropped: (_type, entity) => dropped.push(entity) } });
  admin = await adminToken('cache-admin@example.com');
  reader = (await graph.signUp('cache-reader@example.com')).token;
  const category = await graph.call(`mutation { createCategory(input: { name: "Coffee" }) { id } }`, {}, admin);
  const product = await graph.call(
    `mutation($input: CreateProductInput!) { createProduct(input: $input) { id } }`,
    { input: { name: 'Espresso beans', categoryId: category.data!.createCategory.id, variants: [{ sku: 'ESP-1', name: 'Default', priceMinor: 900, stock: 50 }] } },
    admin,
  );
  expect(product.errors).toBeUndefined();
  productId = product.data!.createProduct.id;
  const post = await graph.call(`mutation { createPost(input: { title: "Cached posts", bodyMarkdown: "Hello", tags: ["cache"] }) { id } }`, {}, admin);
  expect(post.errors).toBeUndefined();
  postId = post.data!.createPost.id;
  expect((await graph.call(`mutation($id: ID!) { publishPost(id: $id) { status } }`, { id: postId }, admin)).errors).toBeUndefined();
  await learned(decodeId('Product', productId));
  await learned(decodeId('Post', postId));
  const shopper = (await graph.signUp('cache-shopper@example.com')).token;
  for (const itemId of [productId, postId]) {
    const recorded = await graph.call(`mutation($input: RecordInteractionInput!) { recordInteraction(input: $input) { id } }`, { input: { itemId, kind: 'LIKE' } }, shopper);
    expect(recorded.errors).toBeUndefined();
  }
  expect((await graph.call(`mutation { retrainRecommendations { version } }`, {}, admin)).errors).toBeUndefined();
});
afterAll(() => graph.close());

describe('entity cache', () => {
  it("serves a product's entity from the cache and drops it when product.changed arrives", async () => {
    const productEntity = `Product:{"id":"${productId}"}`;
    // `first` differs per request, so the response cache (keyed by variables) never answers: the entity cache does.
    const first = await counted(TRENDING_PRODUCTS, { first: 5 }, reader, ['recommendations', 'commerce']);
    expect(first.data.trending).toEqual([{ item: { id: productId, name: 'Espresso beans' } }]);
    expect(first.requests).toEqual({ recommendations: 1, commerce: 1 });

    const hitsBefore = await entityLookups('commerce', 'hit');
    const second = await counted(TRENDING_PRODUCTS, { first: 6 }, admin, ['recommendations', 'commerce']);
    expect(second.data).toEqual(first.data);
    expect(second.requests).toEqual({ recommendations: 1, commerce: 0 });
    expect((await entityLookups('commerce', 'hit')) - hitsBefore).toBe(1);

    const dropsBefore = dropsOf(productEntity);
    const renamed = await graph.call(`mutation($id: ID!) { updateProduct(id: $id, input: { name: "Espresso beans, dark roast" }) { name } }`, { id: productId }, admin);
    expect(renamed.errors).toBeUndefined();
    await expect.poll(() => dropsOf(productEntity), { timeout: 20_000 }).toBe(dropsBefore + 1);

    const third = await counted(TRENDING_PRODUCTS, { first: 7 }, reader, ['recommendations', 'commerce']);
    expect(third.data.trending).toEqual([{ item: { id: productId, name: 'Espresso beans, dark roast' } }]);
    expect(third.requests).toEqual({ recommendations: 1, commerce: 1 });
  });

  it('expires entries after their maxAge (60 s for Product) by the cache clock', async () => {
    await counted(TRENDING_PRODUCTS, { first: 8 }, reader, ['commerce']);
    expect((await counted(TRENDING_PRODUCTS, { first: 9 }, reader, ['commerce'])).requests.commerce).toBe(0);
    clockMs += 61_000;
    expect((await counted(TRENDING_PRODUCTS, { first: 10 }, reader, ['commerce'])).requests.commerce).toBe(1);
  });

  it('never serves a PRIVATE entry to another viewer (Post.viewerCanEdit)', async () => {
    const asAdmin = await counted(TRENDING_POSTS, { first: 5 }, admin, ['blog']);
    expect(asAdmin.data.trending).toEqual([{ item: { id: postId, title: 'Cached posts', viewerCanEdit: true } }]);
    expect(asAdmin.requests.blog).toBe(1);
    // Same entity, same selection, another viewer: not the admin's entry.
    const asReader = await counted(TRENDING_POSTS, { first: 5 }, reader, ['blog']);
    expect(asReader.data.trending).toEqual([{ item: { id: postId, title: 'Cached posts', viewerCanEdit: false } }]);
    expect(asReader.requests.blog).toBe(1);
    const anonymous = await counted(TRENDING_POSTS, { first: 5 }, undefined, ['blog']);
    expect(anonymous.data.trending).toEqual([{ item: { id: postId, title: 'Cached posts', viewerCanEdit: false } }]);
    expect(anonymous.requests.blog).toBe(1);
    // Each viewer's own entry is served back to them.
    const again = await counted(TRENDING_POSTS, { first: 6 }, admin, ['blog']);
    expect(again.data).toEqual(asAdmin.data);
    expect(again.requests.blog).toBe(0);
    const readerAgain = await counted(TRENDING_POSTS, { first: 6 }, reader, ['blog']);
    expect(readerAgain.data).toEqual(asReader.data);
    expect(readerAgain.requests.blog).toBe(0);
  });

  it('is bypassed with x-mosaic-cache: bypass outside production', async () => {
    await counted(TRENDING_PRODUCTS, { first: 11 }, reader, ['commerce']);
    expect((await counted(TRENDING_PRODUCTS, { first: 12 }, reader, ['commerce'])).requests.commerce).toBe(0);
    expect((await counted(TRENDING_PRODUCTS, { first: 12 }, reader, ['commerce'], { 'x-mosaic-cache': 'bypass' })).requests.commerce).toBe(1);
  });
});

describe('response cache', () => {
  it('caches PUBLIC queries whole, with Cache-Control from the smallest maxAge and Age, until an entity in them changes', async () => {
    const query = `{ trending(kind: PRODUCT, first: 3) { score item { ... on Product { id name } } } }`;
    const first = await counted(query, {}, undefined, ['recommendations', 'commerce']);
    // trending is 30 s, Product 60 s: the response may be cached for 30 s, by anyone.
    expect(first.headers.get('cache-control')).toBe('max-age=30, public');
    expect(first.headers.get('age')).toBeNull();
    expect(first.requests.recommendations).toBe(1);

    clockMs += 12_000;
    const second = await counted(query, {}, reader, ['recommendations', 'commerce']);
    expect(second.data).toEqual(first.data);
    expect(second.requests).toEqual({ recommendations: 0, commerce: 0 });
    expect(second.headers.get('cache-control')).toBe('max-age=30, public');
    expect(second.headers.get('age')).toBe('12');

    // The event that drops the product drops the responses that showed it.
    const productEntity = `Product:{"id":"${productId}"}`;
    const dropsBefore = dropsOf(productEntity);
    const renamed = await graph.call(`mutation($id: ID!) { updateProduct(id: $id, input: { name: "Espresso beans, light roast" }) { name } }`, { id: productId }, admin);
    expect(renamed.errors).toBeUndefined();
    await expect.poll(() => dropsOf(productEntity), { timeout: 20_000 }).toBe(dropsBefore + 1);
    const third = await counted(query, {}, undefined, ['recommendations', 'commerce']);
    expect(third.requests).toEqual({ recommendations: 1, commerce: 1 });
    expect((third.data.trending as { item: { name: string } }[])[0]!.item.name).toBe('Espresso beans, light roast');
    expect(third.headers.get('age')).toBeNull();

    // Past its maxAge the response is fetched again.
    clockMs += 31_000;
    expect((await counted(query, {}, undefined, ['recommendations'])).requests.recommendations).toBe(1);
  });

  it('marks operations with PRIVATE fields private, never caches them whole, and unhinted ones no-store', async () => {
    const query = `{ trending(kind: POST, first: 3) { item { ... on Post { id viewerCanEdit } } } }`;
    const first = await counted(query, {}, reader, ['recommendations']);
    expect(first.headers.get('cache-control')).toBe('max-age=30, private');
    expect((await counted(query, {}, reader, ['recommendations'])).requests.recommendations).toBe(1);
    const unhinted = await counted(`{ me { id } }`, {}, reader, ['accounts']);
    expect(unhinted.headers.get('cache-control')).toBe('no-store');
  });

  it("narrows to the subgraph's dynamic hint: a staff-only product is never cached for others", async () => {
    const query = `query($id: ID!) { product(id: $id) { id name } }`;
    const draft = await graph.call(
      `mutation($input: CreateProductInput!) { createProduct(input: $input) { id } }`,
      { input: { name: 'Unreleased grinder', status: 'DRAFT', variants: [{ sku: 'DRAFT-1', name: 'Default', priceMinor: 5000, stock: 5 }] } },
      admin,
    );
    expect(draft.errors).toBeUndefined();
    const id = draft.data!.createProduct.id as string;
    const asStaff = await counted(query, { id }, admin, ['commerce']);
    expect(asStaff.data.product).toEqual({ id, name: 'Unreleased grinder' });
    // Product is PUBLIC for 60 s in the SDL; commerce marks this answer private.
    expect(asStaff.headers.get('cache-control')).toBe('max-age=60, private');
    const anonymous = await counted(query, { id }, undefined, ['commerce']);
    expect(anonymous.data.product).toBeNull();
    expect(anonymous.requests.commerce).toBe(1);
    const active = await counted(query, { id: productId }, undefined, ['commerce']);
    expect(active.headers.get('cache-control')).toBe('max-age=60, public');
  });

  it('counts hits and misses in /metrics', async () => {
    const text = await (await fetch(`${graph.internalUrl}/metrics`)).text();
    expect(text).toMatch(/mosaic_gateway_entity_cache_total\{subgraph="commerce",type="Product",outcome="hit"\} [1-9]/);
    expect(text).toMatch(/mosaic_gateway_response_cache_total\{outcome="hit"\} [1-9]/);
    expect(text).toMatch(/mosaic_gateway_entity_cache_invalidations_total\{type="Product"\} [1-9]/);
  });
});
