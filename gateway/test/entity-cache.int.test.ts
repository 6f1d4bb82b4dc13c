import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { readCacheHints } from '../src/cache/cache-hints';
import { EntityCache, recordUpstreamCacheControl, type EntitiesResponse } from '../src/cache/entity-cache';
import { createMemoryEntityStore, createRedisEntityStore, MAX_VARIANTS_PER_ENTITY, type EntityStore } from '../src/cache/entity-store';

/**
 * The entity cache against each store (in-process; real Redis), with a subgraph played by a
 * function that records what it is asked: partial hits, order, errors, scopes, expiry and the
 * race between a fetch and the event that changes its entity.
 */
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
afterAll(() => redis.quit());

const CACHE_SPEC = `
  directive @cacheControl(maxAge: Int, scope: CacheControlScope, inheritMaxAge: Boolean) on FIELD_DEFINITION | OBJECT | INTERFACE | UNION
  directive @cacheInvalidation(domain: String!, event: String!, idField: String!) repeatable on OBJECT
  enum CacheControlScope { PUBLIC PRIVATE }`;
const LINKS = `extend schema
  @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@composeDirective", "@authenticated"])
  @link(url: "https://mosaic.dev/cache/v0.1", import: ["@cacheControl", "@cacheInvalidation"])
  @composeDirective(name: "@cacheControl") @composeDirective(name: "@cacheInvalidation")`;
const composed = composeServices([
  {
    name: 'shop',
    url: 'http://shop/graphql',
    typeDefs: parse(`${LINKS}${CACHE_SPEC}
      type Query { product(id: ID!): Product }
      type Product @key(fields: "id") @cacheControl(maxAge: 60) { id: ID! name: String! mine: Boolean @authenticated owner: Owner }
      type Owner { name: String! }`),
  },
]);
if (composed.errors) throw new Error(composed.errors.map((e) => e.message).join('\n'));
const hints = readCacheHints(composed.supergraphSdl);

const NAME = 'query($representations:[_Any!]!){_entities(representations:$representations){...on Product{name}}}';
const MINE = 'query($representations:[_Any!]!){_entities(representations:$representations){...on Product{name mine}}}';
const OWNER = 'query($representations:[_Any!]!){_entities(representations:$representations){...on Product{owner{name}}}}';
const product = (id: string) => ({ __typename: 'Product', id });
type Variables = Record<string, unknown>;
/** Two fetches as the plan executor merges them (execution/merged-fetches.ts): aliases, `$__ri`, renamed fragments. */
const MERGED = 'query($__r0:[_Any!]!,$__r1:[_Any!]!){_0:_entities(representations:$__r0){...on Product{name}}_1:_entities(representations:$__r1){...P__1}}fragment P__1 on Product{name mine}';
const FRAGMENT = 'query($representations:[_Any!]!){_entities(representations:$representations){...P}}fragment P on Product{name mine}';

/** A subgraph: answers each representation with `{ name: "<id> v<version>" }`, recording what it was sent. */
function subgraph() {
  const sent: string[][] = [];
  let version = 1;
  const answer = (variables: Variables): Promise<EntitiesResponse> => {
    const representations = variables.representations as unknown[];
    sent.push(representations.map((r) => (r as { id: string }).id));
    return Promise.resolve({ data: { _entities: representations.map((r) => ({ name: `${(r as { id: string }).id} v${version}` })) } });
  };
  return { sent, answer, bump: () => version++ };
}

let clock = 1_000_000;
const stores: [string, () => Promise<EntityStore>][] = [
  ['memory', async () => createMemoryEntityStore({ now: () => clock })],
  [
    'redis',
    async () => {
      if (redis.status === 'wait') await redis.connect();
      return createRedisEntityStore(redis, { prefix: `mosaic-test:${process.pid}:${Date.now()}:${Math.random()}:`, now: () => clock });
    },
  ],
];

describe.each(stores)('entity cache over the %s store', (_name, open) => {
  it('sends only the misses and merges the answers back in order', async () => {
    const cache = new EntityCache({ hints, store: await open() });
    const shop = subgraph();
    await cache.resolve('shop', NAME, { representations: [product('a'), product('b')] }, () => 'viewer-1', shop.answer);
    const merged = await cache.resolve('shop', NAME, { representations: [product('a'), product('c'), product('b')] }, () => 'viewer-1', shop.answer);
    expect(shop.sent).toEqual([['a', 'b'], ['c']]);
    expect(merged.data?._entities).toEqual([{ name: 'a v1' }, { name: 'c v1' }, { name: 'b v1' }]);
    await cache.resolve('shop', NAME, { representations: [product('c'), product('b'), product('a')] }, () => 'viewer-1', shop.answer);
    expect(shop.sent).toHaveLength(2);
  });

  it('answers a merged request from the cache only when every member hits, sharing entries with the unmerged fetches', async () => {
    const cache = new EntityCache({ hints, store: await open() });
    const single = subgraph();
    await cache.resolve('shop', NAME, { representations: [product('m1')] }, () => 'v', single.answer);
    const withMine = async (variables: Variables): Promise<EntitiesResponse> => ({ data: { _entities: (variables.representations as { id: string }[]).map((r) => ({ name: `${r.id} v1`, mine: true })) } });
    await cache.resolve('shop', FRAGMENT, { representations: [product('m2')] }, () => 'v', withMine);
    const requests: Variables[] = [];
    const answer = async (variables: Variables): Promise<EntitiesResponse> => {
      requests.push(variables);
      const ids = (key: string) => (variables[key] as { id: string }[]).map((r) => r.id);
      return { data: { _0: ids('__r0').map((id) => ({ name: `${id} v1` })), _1: ids('__r1').map((id) => ({ name: `${id} v1`, mine: false })) } } as EntitiesResponse;
    };
    const hit = await cache.resolve('shop', MERGED, { __r0: [product('m1')], __r1: [product('m2')] }, () => 'v', answer);
    expect(requests).toHaveLength(0);
    expect(hit.data).toEqual({ _0: [{ name: 'm1 v1' }], _1: [{ name: 'm2 v1', mine: true }] });
    // The PRIVATE member is the viewer's own: another viewer misses it, and the request goes out whole.
    const other = await cache.resolve('shop', MERGED, { __r0: [product('m1')], __r1: [product('m2')] }, () => 'other', answer);
    expect(requests).toHaveLength(1);
    expect(other.data).toEqual({ _0: [{ name: 'm1 v1' }], _1: [{ name: 'm2 v1', mine: false }] });
    await cache.resolve('shop', MERGED, { __r0: [product('m1')], __r1: [product('m2')] }, () => 'other', answer);
    expect(requests).toHaveLength(1);
  });

  it('moves entity errors to their positions and stores none of the failed entities', async () => {
    const cache = new EntityCache({ hints, store: await open() });
    await cache.resolve('shop', NAME, { representations: [product('a')] }, () => 'v', subgraph().answer);
    const failing = async (variables: Variables): Promise<EntitiesResponse> => ({
      data: { _entities: (variables.representations as unknown[]).map(() => null) },
      errors: [{ message: 'Product not found', path: ['_entities', 1] }, { message: 'gone', path: ['_entities', 0, 'name'] }],
    });
    const result = await cache.resolve('shop', NAME, { representations: [product('a'), product('x'), product('y')] }, () => 'v', failing);
    expect(result.data?._entities).toEqual([{ name: 'a v1' }, null, null]);
    expect(result.errors?.map((e) => e.path)).toEqual([['_entities', 1, 'name'], ['_entities', 2]]);
    const shop = subgraph();
    await cache.resolve('shop', NAME, { representations: [product('x'), product('y')] }, () => 'v', shop.answer);
    expect(shop.sent).toEqual([['x', 'y']]);
  });

  it('keeps PRIVATE selections per viewer and shares PUBLIC ones', async () => {
    const cache = new EntityCache({ hints, store: await open() });
    const shop = subgraph();
    await cache.resolve('shop', MINE, { representations: [product('a')] }, () => 'alice', shop.answer);
    await cache.resolve('shop', MINE, { representations: [product('a')] }, () => 'bob', shop.answer);
    await cache.resolve('shop', MINE, { representations: [product('a')] }, () => 'alice', shop.answer);
    expect(shop.sent).toEqual([['a'], ['a']]);
    await cache.resolve('shop', NAME, { representations: [product('a')] }, () => 'alice', shop.answer);
    await cache.resolve('shop', NAME, { representations: [product('a')] }, () => 'bob', shop.answer);
    expect(shop.sent).toHaveLength(3);
  });

  it('does not cache selections without a hint (a field returning an unhinted object is maxAge 0)', async () => {
    const cache = new EntityCache({ hints, store: await open() });
    const sent: unknown[][] = [];
    const answer = async (variables: Variables): Promise<EntitiesResponse> => (sent.push(variables.representations as unknown[]), { data: { _entities: (variables.representations as unknown[]).map(() => ({ owner: { name: 'o' } })) } });
    await cache.resolve('shop', OWNER, { representations: [product('a')] }, () => 'v', answer);
    await cache.resolve('shop', OWNER, { representations: [product('a')] }, () => 'v', answer);
    expect(sent).toHaveLength(2);
  });

  it("honours the subgraph's Cache-Control: no-store and private keep an answer out, a shorter max-age wins", async () => {
    const cache = new EntityCache({ hints, store: await open() });
    const shop = subgraph();
    const withHeader = (header: string) => async (variables: Variables) => {
      const answer = await shop.answer(variables);
      recordUpstreamCacheControl(answer, header);
      return answer;
    };
    await cache.resolve('shop', NAME, { representations: [product('n')] }, () => 'v', withHeader('no-store'));
    await cache.resolve('shop', NAME, { representations: [product('n')] }, () => 'v', withHeader('max-age=60, private'));
    await cache.resolve('shop', NAME, { representations: [product('n')] }, () => 'v', withHeader('max-age=5, public'));
    await cache.resolve('shop', NAME, { representations: [product('n')] }, () => 'v', shop.answer);
    expect(shop.sent).toEqual([['n'], ['n'], ['n']]);
    clock += 6_000;
    await cache.resolve('shop', NAME, { representations: [product('n')] }, () => 'v', shop.answer);
    expect(shop.sent).toHaveLength(4);
  });

  it('expires entries after maxAge and drops every variant of an entity at once', async () => {
    const store = await open();
    const cache = new EntityCache({ hints, store });
    const shop = subgraph();
    await cache.resolve('shop', NAME, { representations: [product('e')] }, () => 'v', shop.answer);
    await cache.resolve('shop', MINE, { representations: [product('e')] }, () => 'v', shop.answer);
    clock += 59_000;
    await cache.resolve('shop', NAME, { representations: [product('e')] }, () => 'v', shop.answer);
    expect(shop.sent).toHaveLength(2);
    await store.drop('Product:{"id":"e"}');
    shop.bump();
    const fresh = await cache.resolve('shop', NAME, { representations: [product('e')] }, () => 'v', shop.answer);
    await cache.resolve('shop', MINE, { representations: [product('e')] }, () => 'v', shop.answer);
    expect(shop.sent).toHaveLength(4);
    expect(fresh.data?._entities).toEqual([{ name: 'e v2' }]);
    clock += 61_000;
    await cache.resolve('shop', NAME, { representations: [product('e')] }, () => 'v', shop.answer);
    expect(shop.sent).toHaveLength(5);
  });

  it('does not store an answer fetched while the event that changed its entity arrived', async () => {
    const store = await open();
    const cache = new EntityCache({ hints, store });
    const shop = subgraph();
    // The drop lands between the lookup and the answer: the answer may predate the change.
    const racing = async (variables: Variables) => {
      await store.drop('Product:{"id":"r"}');
      return shop.answer(variables);
    };
    await cache.resolve('shop', NAME, { representations: [product('r')] }, () => 'v', racing);
    await cache.resolve('shop', NAME, { representations: [product('r')] }, () => 'v', shop.answer);
    await cache.resolve('shop', NAME, { representations: [product('r')] }, () => 'v', shop.answer);
    expect(shop.sent).toEqual([['r'], ['r']]);
  });
});

describe.each(stores)('the %s entity store', (_name, open) => {
  it(`keeps at most ${MAX_VARIANTS_PER_ENTITY} variants of one entity`, async () => {
    const store = await open();
    const entries = Array.from({ length: MAX_VARIANTS_PER_ENTITY + 10 }, (_, i) => ({ entity: 'Product:{"id":"v"}', variant: `locale-${i}`, value: `${i}`, ttlMs: 60_000, generation: '0' }));
    for (const entry of entries) await store.setMany([entry]);
    const found = await store.getMany(entries.map(({ entity, variant }) => ({ entity, variant })));
    const kept = found.filter((f) => f.value !== null).length;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThanOrEqual(MAX_VARIANTS_PER_ENTITY);
    expect(found.at(-1)!.value).toBe(`${MAX_VARIANTS_PER_ENTITY + 9}`);
  });
});
