import type { PubSubConfig } from '../env/models';
import type { Logger } from '../logger';
import { createMemoryCacheStores, type CacheStores } from './cache-store';
import { createRedisCacheStores } from './redis-cache-store';

/** REDIS_URL backs caches as it backs pub/sub: set → Redis shared by replicas, unset → in-process. */
export function openCacheStores(config: PubSubConfig, log: Logger): Promise<CacheStores> {
  return config.kind === 'redis' ? createRedisCacheStores(config.url, log) : Promise.resolve(createMemoryCacheStores());
}
