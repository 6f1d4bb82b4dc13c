import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisCacheStores, createRedisPubSub, type CacheStores, type PubSub } from '@mosaic/kit';
import { createTestAuth, createTestDatabase, testLogger, type TestDatabase } from '@mosaic/testing';
import { DELETE, shorten, startLinks, UPDATE, type LinksApp } from './harness';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Two replicas of links on one database, sharing Redis for caches and pub/sub as in services mode. */
let database: TestDatabase;
let a: LinksApp;
let b: LinksApp;
const shared: { caches: CacheStores; pubsub: PubSub }[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  const auth = await createTestAuth();
  const prefix = `mosaic-test-${process.pid}-${Date.now()}:`;
  const replica = async () => {
    const deps = { caches: await createRedisCacheStores(REDIS_URL, testLogger, `${prefix}cache:`), pubsub: await createRedisPubSub(REDIS_URL, testLogger, prefix) };
    shared.push(deps);
    return startLinks({ database, auth, deps });
  };
  a = await replica();
  b = await replica();
});
afterAll(async () => {
  await a.close();
  await b.close();
  for (const { caches, pubsub } of shared) {
    await caches.close();
    await pubsub.close();
  }
  await database.drop();
});

const location = async (app: LinksApp, code: string) => {
  const response = await app.visit(`/${code}`);
  return response.status === 302 ? response.headers.get('location') : response.status;
};

describe('links replicas sharing Redis', () => {
  it('a link made on one replica redirects on another from the shared cache, without reading the database', async () => {
    const user = await a.auth.newUser();
    const link = await shorten(a, user.token, { url: 'https://example.com/shared' });
    b.counter.reset();
    expect(await location(b, link.code)).toBe('https://example.com/shared');
    expect(b.counter.statements.filter((statement) => statement.includes('"links"."links"'))).toEqual([]);
  });

  it('an edit or a delete on one replica reaches the other, which had the old entry in its local cache', async () => {
    const user = await a.auth.newUser();
    const link = await shorten(a, user.token, { url: 'https://example.com/v1' });
    expect(await location(b, link.code)).toBe('https://example.com/v1');
    await a.call(UPDATE, { id: link.id, input: { url: 'https://example.com/v2' } }, user.token);
    // The shared entry is replaced before the mutation returns; b's local copy goes when the pub/sub message arrives (milliseconds).
    await expect.poll(() => location(b, link.code), { interval: 5, timeout: 2_000 }).toBe('https://example.com/v2');
    await a.call(DELETE, { id: link.id }, user.token);
    await expect.poll(() => location(b, link.code), { interval: 5, timeout: 2_000 }).toBe(404);
  });

  it('max visits hold exactly across replicas', async () => {
    const user = await a.auth.newUser();
    const link = await shorten(a, user.token, { url: 'https://example.com/limit', maxVisits: 7 });
    const statuses = await Promise.all(Array.from({ length: 30 }, (_, i) => (i % 2 ? a : b).visit(`/${link.code}`).then((response) => response.status)));
    expect(statuses.filter((status) => status === 302)).toHaveLength(7);
  });
});
