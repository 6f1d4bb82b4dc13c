import type { Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';
import { createMemoryCounterStore, type CounterStore } from './counter-store';
import { createMemoryLeaseStore, type LeaseStore } from './lease-store';

/**
 * A namespace of cached strings with lifetimes. Values are strings on both backends, so code that
 * works against the in-process store works against Redis (no shared mutable objects).
 */
export interface CacheStore {
  get(key: string): Promise<string | null>;
  /** Stores `value` for `ttlMs`, replacing what the key held. */
  set(key: string, value: string, ttlMs: number): Promise<void>;
  /** Stores `value` only when the key holds nothing; true when it was stored. */
  add(key: string, value: string, ttlMs: number): Promise<boolean>;
  delete(key: string): Promise<void>;
}

export interface CacheStoreOptions {
  /** Bound of an in-process store (least recently used entries go first); Redis evicts by its own policy. */
  maxEntries?: number;
}

/** Caches for a process: in-process (all-in-one) or in Redis, shared by every replica (services mode). */
export interface CacheStores {
  /** True when every replica reads and writes the same entries. */
  readonly shared: boolean;
  /**
   * The Redis connection behind shared stores (services mode), for callers whose entries need more
   * than strings — the gateway's entity and response caches — so that a process opens one
   * connection for all its caches; absent in-process. Owned by the stores: `close()` ends it.
   */
  readonly redis?: Redis;
  store(namespace: string, options?: CacheStoreOptions): CacheStore;
  /** Counters of a namespace; every call with the same namespace sees the same counters (unlike `store`'s LRUs, never evicted early). */
  counters(namespace: string): CounterStore;
  /** Leases of a namespace (presence, locks held by connections); every call with the same namespace sees the same leases. */
  leases(namespace: string): LeaseStore;
  close(): Promise<void>;
}

const DEFAULT_MAX_ENTRIES = 10_000;

/** All-in-one: an LRU per namespace in this process. */
export function createMemoryCacheStores(): CacheStores {
  const counters = new Map<string, ReturnType<typeof createMemoryCounterStore>>();
  const leases = new Map<string, LeaseStore>();
  return {
    shared: false,
    leases(namespace) {
      let store = leases.get(namespace);
      if (!store) leases.set(namespace, (store = createMemoryLeaseStore()));
      return store;
    },
    counters(namespace) {
      let store = counters.get(namespace);
      if (!store) counters.set(namespace, (store = createMemoryCounterStore()));
      return store;
    },
    store(_namespace, options = {}) {
      const entries = new LRUCache<string, string>({ max: options.maxEntries ?? DEFAULT_MAX_ENTRIES, ttlAutopurge: false });
      return {
        get: async (key) => entries.get(key) ?? null,
        set: async (key, value, ttlMs) => void entries.set(key, value, { ttl: ttlMs }),
        async add(key, value, ttlMs) {
          if (entries.has(key)) return false;
          entries.set(key, value, { ttl: ttlMs });
          return true;
        },
        delete: async (key) => void entries.delete(key),
      };
    },
    close: async () => {
      for (const store of counters.values()) store.close();
      counters.clear();
      leases.clear();
    },
  };
}
