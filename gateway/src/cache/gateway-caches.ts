import type { ApolloServerPlugin } from '@apollo/server';
import type { CacheStores, EventBus, Logger } from '@mosaic/kit';
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
  /** Identical queries in flight share one execution (execution/shared-operations.ts; default on). */
  inflightQueries?: boolean;
  /**
   * The process's cache stores (the ones metering counts in): with a Redis connection (services
   * mode, or all-in-one with REDIS_URL) entries live there, shared by every replica, on that one
   * connection, which the caller owns and closes; otherwise, or when absent, in this process.
   */
  stores?: CacheStores | undefined;
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

/** On the caller's Redis connection when its stores have one (shared by replicas), else in this process. */
function storesFor(options: CachingOptions): { entity: EntityStore; response: ResponseStore } {
  const redis = options.stores?.redis;
  if (redis) return { entity: createRedisEntityStore(redis, options.now ? { now: options.now } : {}), response: createRedisResponseStore(redis) };
  return {
    entity: createMemoryEntityStore({ ...(options.maxEntities ? { maxEntities: options.maxEntities } : {}), ...(options.now ? { now: options.now } : {}) }),
    response: createMemoryResponseStore(options.now ? { now: options.now } : {}),
  };
}

/**
 * The gateway's caches (README "Caching"): the entity cache the data sources consult, the
 * response-cache plugin, and the consumer of the events that invalidate entities.
 */
export function createGatewayCaches(supergraphSdl: string, options: CachingOptions, metrics: GatewayMetrics, log: Logger): GatewayCaches {
  const hints = readCacheHints(supergraphSdl);
  const stores = storesFor(options);
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
      await stores.entity.close();
    },
  };
}
