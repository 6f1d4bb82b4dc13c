import { afterEach, describe, expect, it } from 'vitest';
import { createLogger, createMemoryCacheStores, createRedisCacheStores, type CacheStores } from '../src/index';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const log = createLogger('test', { level: 'silent' });
const open: CacheStores[] = [];
afterEach(async () => {
  for (const stores of open.splice(0)) await stores.close();
});

const backends: [string, () => Promise<CacheStores>][] = [
  ['memory', async () => createMemoryCacheStores()],
  ['redis', () => createRedisCacheStores(REDIS_URL, log, `mosaic-test-${process.pid}-${Date.now()}:`)],
];

describe.each(backends)('%s cache stores', (_name, create) => {
  it('get / set / add / delete, namespaces apart, entries gone after their lifetime', async () => {
    const stores = await create();
    open.push(stores);
    const a = stores.store('a');
    const b = stores.store('b');
    expect(await a.get('k')).toBeNull();
    await a.set('k', 'one', 10_000);
    expect(await a.get('k')).toBe('one');
    expect(await b.get('k')).toBeNull();
    expect(await a.add('k', 'two', 10_000)).toBe(false);
    expect(await a.get('k')).toBe('one');
    await a.delete('k');
    expect(await a.add('k', 'three', 10_000)).toBe(true);
    expect(await a.get('k')).toBe('three');
    await a.set('short', 'x', 30);
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(await a.get('short')).toBeNull();
  });
});

describe.each(backends)('%s counters', (_name, create) => {
  it('add in batches, shared by every handle of a namespace, apart from other namespaces, gone after their lifetime', async () => {
    const stores = await create();
    open.push(stores);
    const meter = stores.counters('meter');
    expect(await meter.get(['a', 'b'])).toEqual([0, 0]);
    expect(await meter.add([['a', 3], ['b', 1]], 10_000)).toEqual([3, 1]);
    expect(await stores.counters('meter').add([['a', 2]], 10_000)).toEqual([5]);
    expect(await stores.counters('other').get(['a'])).toEqual([0]);
    expect(await meter.get(['a', 'b', 'c'])).toEqual([5, 1, 0]);
    await meter.add([['short', 1]], 30);
    await expect.poll(() => meter.get(['short']), { timeout: 5_000, interval: 20 }).toEqual([0]);
  });

  it('addWithin adds only while the count stays within the limit, atomically under concurrency', async () => {
    const stores = await create();
    open.push(stores);
    const budget = stores.counters('budget');
    const results = await Promise.all(Array.from({ length: 12 }, () => budget.addWithin('k', 10, 100, 10_000)));
    expect(results.filter((r) => r.added)).toHaveLength(10);
    expect(await budget.get(['k'])).toEqual([100]);
    const refused = await budget.addWithin('k', 1, 100, 10_000);
    expect(refused).toMatchObject({ added: false, count: 100 });
    expect(refused.ttlMs).toBeGreaterThan(0);
    expect(refused.ttlMs).toBeLessThanOrEqual(10_000);
  });
});

describe.each(backends)('%s leases', (_name, create) => {
  it('a holder holds while one of its leases is live: the latest expiry, releases and expiries taken into account, namespaces apart', async () => {
    const stores = await create();
    open.push(stores);
    const leases = stores.leases('presence');
    const now = Date.now();
    expect(await leases.latestExpiries([], now)).toEqual([]);
    await leases.renew('ada', 'tab-1', now + 1_000);
    await leases.renew('ada', 'tab-2', now + 5_000);
    await stores.leases('presence').renew('bob', 'tab-1', now + 2_000);
    expect(await leases.latestExpiries(['ada', 'bob', 'cy'], now)).toEqual([now + 5_000, now + 2_000, null]);
    expect(await stores.leases('other').latestExpiries(['ada'], now)).toEqual([null]);
    await leases.release('ada', 'tab-2');
    await leases.release('ada', 'never-held');
    expect(await leases.latestExpiries(['ada'], now)).toEqual([now + 1_000]);
    // Expiry is judged at the caller's instant, not the store's clock.
    expect(await leases.latestExpiries(['ada', 'bob'], now + 1_000)).toEqual([null, now + 2_000]);
    await leases.renew('ada', 'tab-1', now + 9_000);
    expect(await leases.latestExpiries(['ada'], now + 1_000)).toEqual([now + 9_000]);
  });
});

describe('memory cache stores', () => {
  it('keep at most maxEntries, dropping the least recently used', async () => {
    const store = createMemoryCacheStores().store('bounded', { maxEntries: 2 });
    await store.set('a', '1', 10_000);
    await store.set('b', '2', 10_000);
    await store.get('a');
    await store.set('c', '3', 10_000);
    expect([await store.get('a'), await store.get('b'), await store.get('c')]).toEqual(['1', null, '3']);
  });
});
