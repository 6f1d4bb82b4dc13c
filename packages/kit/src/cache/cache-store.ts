import { LRUCache } from 'lru-cache';

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
  store(namespace: string, options?: CacheStoreOptions): CacheStore;
  close(): Promise<void>;
}

const DEFAULT_MAX_ENTRIES = 10_000;

/** All-in-one: an LRU per namespace in this process. */
export function createMemoryCacheStores(): CacheStores {
  return {
    shared: false,
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
    close: async () => {},
  };
}
