import type { Redis } from 'ioredis';

/**
 * Where cached entities live. An entity (`Product:{"id":"…"}`) holds any number of variants —
 * one per subgraph, selection, representation and (PRIVATE) viewer — so the event that changes
 * the entity drops all of them with one delete, whatever was selected.
 */
export interface EntityLookup {
  entity: string;
  variant: string;
}

export interface EntityEntry extends EntityLookup {
  value: string;
  ttlMs: number;
}

export interface EntityStore {
  /** The live value of each lookup, or null, in order. */
  getMany(lookups: readonly EntityLookup[]): Promise<(string | null)[]>;
  setMany(entries: readonly EntityEntry[]): Promise<void>;
  /** Drops every variant of the entity. */
  drop(entity: string): Promise<void>;
  close(): Promise<void>;
}

interface Stored {
  expiresAt: number;
  value: string;
}

/**
 * All-in-one: a map of entities in this process, least recently used dropped past `maxEntities`.
 * Expiry is checked on read against the gateway's clock (no timers).
 */
export function createMemoryEntityStore(options: { maxEntities?: number; now?: () => number } = {}): EntityStore {
  const { maxEntities = 10_000, now = Date.now } = options;
  const entities = new Map<string, Map<string, Stored>>();
  const touch = (entity: string, variants: Map<string, Stored>) => {
    entities.delete(entity);
    entities.set(entity, variants);
  };
  return {
    async getMany(lookups) {
      const at = now();
      return lookups.map(({ entity, variant }) => {
        const variants = entities.get(entity);
        const stored = variants?.get(variant);
        if (!variants || !stored) return null;
        if (stored.expiresAt <= at) {
          variants.delete(variant);
          return null;
        }
        touch(entity, variants);
        return stored.value;
      });
    },
    async setMany(entries) {
      const at = now();
      for (const { entity, variant, value, ttlMs } of entries) {
        const variants = entities.get(entity) ?? new Map<string, Stored>();
        variants.set(variant, { value, expiresAt: at + ttlMs });
        touch(entity, variants);
      }
      while (entities.size > maxEntities) entities.delete(entities.keys().next().value!);
    },
    drop: async (entity) => void entities.delete(entity),
    close: async () => entities.clear(),
  };
}

/**
 * Services mode: one Redis hash per entity (`<prefix><entity>`, a field per variant holding
 * `<expiresAt>|<value>`), shared by every gateway replica. Redis 7.0 has no per-field expiry, so
 * each field carries its own and the hash expires with its longest-lived field. Failures are
 * misses on read and skipped writes: the subgraph answers instead.
 */
export function createRedisEntityStore(redis: Redis, options: { prefix?: string; now?: () => number } = {}): EntityStore {
  const { prefix = 'mosaic:entity-cache:', now = Date.now } = options;
  return {
    async getMany(lookups) {
      if (lookups.length === 0) return [];
      const pipeline = redis.pipeline();
      for (const { entity, variant } of lookups) pipeline.hget(prefix + entity, variant);
      const results = (await pipeline.exec().catch(() => null)) ?? [];
      const at = now();
      return lookups.map((_, i) => {
        const [error, raw] = results[i] ?? [null, null];
        if (error || typeof raw !== 'string') return null;
        const bar = raw.indexOf('|');
        return Number(raw.slice(0, bar)) > at ? raw.slice(bar + 1) : null;
      });
    },
    async setMany(entries) {
      if (entries.length === 0) return;
      const pipeline = redis.pipeline();
      const at = now();
      for (const { entity, variant, value, ttlMs } of entries) {
        const key = prefix + entity;
        pipeline.hset(key, variant, `${at + ttlMs}|${value}`);
        // NX gives a new hash its lifetime, GT lengthens it for a longer-lived field.
        pipeline.pexpire(key, ttlMs, 'NX');
        pipeline.pexpire(key, ttlMs, 'GT');
      }
      await pipeline.exec().catch(() => undefined);
    },
    drop: async (entity) => void (await redis.del(prefix + entity)),
    close: async () => {},
  };
}
