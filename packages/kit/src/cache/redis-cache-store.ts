import type { Logger } from '../logger';
import type { CacheStores } from './cache-store';
import { redisCounterStore } from './counter-store';
import { redisLeaseStore } from './lease-store';

/**
 * Services mode: one Redis connection per process for every namespace, keys
 * `<prefix><namespace>:<key>`. Commands fail fast while Redis is unreachable (no offline queue):
 * callers decide whether a failure means "miss" (reads) or "retry" (invalidations).
 */
export async function createRedisCacheStores(url: string, log: Logger, prefix = 'mosaic:cache:'): Promise<CacheStores> {
  // Loaded only in services mode.
  const { Redis } = await import('ioredis');
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false });
  redis.on('error', (error) => log.warn({ err: error }, 'redis cache connection error'));
  await redis.connect();
  const ttl = (ms: number) => Math.max(1, Math.round(ms));
  return {
    shared: true,
    redis,
    counters: (namespace) => redisCounterStore(redis, `${prefix}${namespace}:`),
    leases: (namespace) => redisLeaseStore(redis, `${prefix}${namespace}:`),
    store(namespace) {
      const full = (key: string) => `${prefix}${namespace}:${key}`;
      return {
        get: (key) => redis.get(full(key)),
        set: async (key, value, ttlMs) => void (await redis.set(full(key), value, 'PX', ttl(ttlMs))),
        add: async (key, value, ttlMs) => (await redis.set(full(key), value, 'PX', ttl(ttlMs), 'NX')) === 'OK',
        delete: async (key) => void (await redis.del(full(key))),
      };
    },
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
