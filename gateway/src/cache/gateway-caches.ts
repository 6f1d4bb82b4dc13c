import type { ApolloServerPlugin } from '@apollo/server';
import type { Redis } from 'ioredis';
import type { EventBus, Logger } from '@mosaic/kit';
import type { GatewayContext } from '../context';
import type { GatewayMetrics } from '../observability/metrics';
import { readCacheHints, type CacheHints } from './cache-hints';
import { EntityCache } from './entity-cache';
import { createMemoryEntityStore, createRedisEntityStore, type EntityStore } from './entity-store';
import { consumeInvalidations } from './invalidation';
import { createMemoryResponseStore, createRedisResponseStore, responseCachePlugin, type ResponseStore } from './response-cache';

export interface CachingOptions {
  /** Per-entity caching of `_entities` fetches (default on). */
  entities?: boolean;
  /** Whole responses of PUBLIC queries (default on). */
  responses?: boolean;
  /** Redis shared by every replica (services mode); in-process when absent. */
  redisUrl?: string | undefined;
  /** Where the domain events that drop entities arrive (the process's event transport). */
  events?: EventBus['transport'] | undefined;
  /** Bound of the in-process entity store, in entities. */
  maxEntities?: number;
  /** The clock entries expire by (tests move it). */
  now?: () => number;
  /** Sees every entity an event dropped (tests wait on it). */
  onDropped?: (typeName: string, entity: string) => void;
}

export interface GatewayCaches {
  hints: CacheHints;
  entities: EntityCache | undefined;
  plugin: ApolloServerPlugin<GatewayContext> | undefined;
  start(): Promise<void>;
  close(): Promise<void>;
}

/** Opened Redis connection and stores, set when `start()` runs (services mode) or at once (in-process). */
function lazyStores(options: CachingOptions, log: Logger) {
  let redis: Redis | undefined;
  let entityStore: EntityStore = createMemoryEntityStore({ ...(options.maxEntities ? { maxEntities: options.maxEntities } : {}), ...(options.now ? { now: options.now } : {}) });
  let responseStore: ResponseStore = createMemoryResponseStore(options.now ? { now: options.now } : {});
  return {
    entity: {
      getMany: (lookups) => entityStore.getMany(lookups),
      setMany: (entries) => entityStore.setMany(entries),
      drop: (entity) => entityStore.drop(entity),
      close: () => entityStore.close(),
    } satisfies EntityStore,
    response: {
      get: (key) => responseStore.get(key),
      set: (key, value, ttlMs, tags) => responseStore.set(key, value, ttlMs, tags),
      dropTagged: (tag) => responseStore.dropTagged(tag),
    } satisfies ResponseStore,
    async open() {
      if (!options.redisUrl) return;
      const { Redis } = await import('ioredis');
      redis = new Redis(options.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false });
      redis.on('error', (error) => log.warn({ err: error }, 'redis cache connection error'));
      await redis.connect();
      entityStore = createRedisEntityStore(redis, options.now ? { now: options.now } : {});
      responseStore = createRedisResponseStore(redis);
    },
    async close() {
      await entityStore.close();
      await redis?.quit().catch(() => redis?.disconnect());
    },
  };
}

/**
 * The gateway's caches (README "Caching"): the entity cache the data sources consult, the
 * response-cache plugin, and the consumer of the events that invalidate entities.
 */
export function createGatewayCaches(supergraphSdl: string, options: CachingOptions, metrics: GatewayMetrics, log: Logger): GatewayCaches {
  const hints = readCacheHints(supergraphSdl);
  const stores = lazyStores(options, log);
  const entities = options.entities === false ? undefined : new EntityCache({ hints, store: stores.entity, observe: metrics.observeEntityCache });
  const plugin = responseCachePlugin({
    hints,
    store: options.responses === false ? undefined : stores.response,
    ...(options.now ? { now: options.now } : {}),
    observe: metrics.observeResponseCache,
  });
  let consumer: { close(): Promise<void> } | undefined;
  return {
    hints,
    entities,
    plugin,
    async start() {
      await stores.open();
      if (entities && options.events) {
        consumer = await consumeInvalidations({
          hints,
          drop: async (entity) => {
            await stores.entity.drop(entity);
            await stores.response.dropTagged(entity);
          },
          transport: options.events,
          log: log.child({ component: 'entity-cache' }),
          onDropped: (typeName, entity) => {
            metrics.observeEntityInvalidation(typeName);
            options.onDropped?.(typeName, entity);
          },
        });
      }
    },
    async close() {
      await consumer?.close();
      await stores.close();
    },
  };
}
