import { randomUUID } from 'node:crypto';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger, createMemoryCacheStores, createRedisCacheStores, type CacheStores } from '@mosaic/kit';
import { createGatewayCaches } from '../src/cache/gateway-caches';
import { createGatewayMetrics } from '../src/observability/metrics';

/**
 * The gateway's caches live in the process's cache stores — the ones metering counts in — so a
 * process with REDIS_URL opens one Redis connection for both (real Redis here).
 */
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const log = createLogger('test', { level: 'silent' });
const reader = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
afterAll(() => reader.quit());

const composed = composeServices([
  {
    name: 'shop',
    url: 'http://shop/graphql',
    typeDefs: parse(`extend schema
      @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@composeDirective"])
      @link(url: "https://mosaic.dev/cache/v0.1", import: ["@cacheControl"])
      @composeDirective(name: "@cacheControl")
      directive @cacheControl(maxAge: Int, scope: CacheControlScope, inheritMaxAge: Boolean) on FIELD_DEFINITION | OBJECT | INTERFACE | UNION
      enum CacheControlScope { PUBLIC PRIVATE }
      type Query { product(id: ID!): Product }
      type Product @key(fields: "id") @cacheControl(maxAge: 60) { id: ID! name: String! }`),
  },
]);
if (composed.errors) throw new Error(composed.errors.map((e) => e.message).join('\n'));
const NAME = 'query($representations:[_Any!]!){_entities(representations:$representations){...on Product{name}}}';

/** Caches one product through the gateway's entity cache; its Redis key. */
async function cacheOneProduct(stores: CacheStores): Promise<{ key: string; close(): Promise<void> }> {
  const caches = createGatewayCaches(composed.supergraphSdl!, { stores }, createGatewayMetrics(), log);
  await caches.start();
  const id = randomUUID();
  const answer = async () => ({ data: { _entities: [{ name: 'Lamp' }] } });
  await caches.entities!.resolve('shop', NAME, { representations: [{ __typename: 'Product', id }] }, () => 'anonymous', answer);
  return { key: `mosaic:entity-cache:Product:${JSON.stringify({ id })}`, close: () => caches.close() };
}

describe('gateway caches on the process cache stores', () => {
  it("keep entities in Redis on the stores' own connection, and leave it open for its owner", async () => {
    const stores = await createRedisCacheStores(REDIS_URL, log);
    try {
      const cached = await cacheOneProduct(stores);
      expect(await reader.exists(cached.key)).toBe(1);
      await cached.close();
      expect(stores.redis?.status).toBe('ready');
      await reader.del(cached.key);
    } finally {
      await stores.close();
    }
  });

  it('keep entities in this process when the stores are in-process', async () => {
    const stores = createMemoryCacheStores();
    const cached = await cacheOneProduct(stores);
    expect(await reader.exists(cached.key)).toBe(0);
    await cached.close();
    await stores.close();
  });
});
