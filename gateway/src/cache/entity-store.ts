import type { Redis } from 'ioredis';

/**
 * Where cached entities live. An entity (`Product:{"id":"…"}`) holds any number of variants —
 * one per subgraph, selection, representation and (PRIVATE) viewer — so the event that changes
 * the entity drops all of them with one delete, whatever was selected.
 *
 * Each entity also has a generation, raised by every drop. A lookup reports it and a write names
 * the one its lookup saw: an answer fetched while the event that changed the entity arrived is
 * not stored (it may predate the change), so no stale entry outlives the event.
 */
export interface EntityLookup {
  entity: string;
  variant: string;
}

export interface Looked {
  value: string | null;
  generation: string;
}

export interface EntityEntry extends EntityLookup {
  value: string;
  ttlMs: number;
  /** The generation the lookup saw. */
  generation: string;
}

export interface EntityStore {
  /** The live value of each lookup (or null) and its entity's generation, in order. */
  getMany(lookups: readonly EntityLookup[]): Promise<Looked[]>;
  setMany(entries: readonly EntityEntry[]): Promise<void>;
  /** Drops every variant of the entity and raises its generation. */
  drop(entity: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Variants one entity keeps at most. Variables other than the representations are part of a
 * variant (a `locale` argument…), so a client varying them must not grow one entity without bound.
 */
export const MAX_VARIANTS_PER_ENTITY = 64;

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
  // Bounded too; a generation forgotten is 0 again, which only matters for a write racing a drop that long ago.
  const generations = new Map<string, number>();
  const generationOf = (entity: string) => String(generations.get(entity) ?? 0);
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
        if (!variants || !stored) return { value: null, generation: generationOf(entity) };
        if (stored.expiresAt <= at) {
          variants.delete(variant);
          return { value: null, generation: generationOf(entity) };
        }
        touch(entity, variants);
        return { value: stored.value, generation: generationOf(entity) };
      });
    },
    async setMany(entries) {
      const at = now();
      for (const { entity, variant, value, ttlMs, generation } of entries) {
        if (generationOf(entity) !== generation) continue;
        const variants = entities.get(entity) ?? new Map<string, Stored>();
        variants.delete(variant);
        variants.set(variant, { value, expiresAt: at + ttlMs });
        if (variants.size > MAX_VARIANTS_PER_ENTITY) variants.delete(variants.keys().next().value!);
        touch(entity, variants);
      }
      while (entities.size > maxEntities) entities.delete(entities.keys().next().value!);
    },
    async drop(entity) {
      entities.delete(entity);
      const next = (generations.get(entity) ?? 0) + 1;
      generations.delete(entity);
      generations.set(entity, next);
      while (generations.size > maxEntities * 10) generations.delete(generations.keys().next().value!);
    },
    close: async () => entities.clear(),
  };
}

/**
 * Stores a variant only while the entity's generation is the one its lookup saw. An entity past
 * ARGV[5] variants starts over (Redis hashes have no eviction order of their own).
 */
const SET_IF_GENERATION = `
if (redis.call('GET', KEYS[2]) or '0') ~= ARGV[4] then return 0 end
if redis.call('HLEN', KEYS[1]) >= tonumber(ARGV[5]) then redis.call('DEL', KEYS[1]) end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[3], 'NX')
redis.call('PEXPIRE', KEYS[1], ARGV[3], 'GT')
return 1`;

/** A day: generations outlive any entry (maxAge is seconds to minutes). */
const GENERATION_TTL_MS = 24 * 3_600_000;

/**
 * Services mode: one Redis hash per entity (`<prefix><entity>`, a field per variant holding
 * `<expiresAt>|<value>`) and its generation (`<prefix>gen:<entity>`), shared by every gateway
 * replica. Redis 7.0 has no per-field expiry, so each field carries its own and the hash expires
 * with its longest-lived field. Failures are misses on read and skipped writes (the subgraph
 * answers instead); a failed drop throws, so the event is retried.
 */
export function createRedisEntityStore(redis: Redis, options: { prefix?: string; now?: () => number } = {}): EntityStore {
  const { prefix = 'mosaic:entity-cache:', now = Date.now } = options;
  const generationKey = (entity: string) => `${prefix}gen:${entity}`;
  return {
    async getMany(lookups) {
      if (lookups.length === 0) return [];
      const pipeline = redis.pipeline();
      for (const { entity, variant } of lookups) pipeline.hget(prefix + entity, variant).get(generationKey(entity));
      const results = (await pipeline.exec().catch(() => null)) ?? [];
      const at = now();
      return lookups.map((_, i) => {
        const [error, raw] = results[2 * i] ?? [null, null];
        const [, generation] = results[2 * i + 1] ?? [null, null];
        const looked = { generation: typeof generation === 'string' ? generation : '0' };
        if (error || typeof raw !== 'string') return { ...looked, value: null };
        const bar = raw.indexOf('|');
        return { ...looked, value: Number(raw.slice(0, bar)) > at ? raw.slice(bar + 1) : null };
      });
    },
    async setMany(entries) {
      if (entries.length === 0) return;
      const pipeline = redis.pipeline();
      const at = now();
      for (const { entity, variant, value, ttlMs, generation } of entries) {
        pipeline.eval(SET_IF_GENERATION, 2, prefix + entity, generationKey(entity), variant, `${at + ttlMs}|${value}`, String(Math.max(1, Math.round(ttlMs))), generation, String(MAX_VARIANTS_PER_ENTITY));
      }
      await pipeline.exec().catch(() => undefined);
    },
    async drop(entity) {
      const results = await redis.multi().incr(generationKey(entity)).pexpire(generationKey(entity), GENERATION_TTL_MS).del(prefix + entity).exec();
      const failed = results?.find(([error]) => error);
      if (!results || failed) throw failed?.[0] ?? new Error('Redis did not run the cache drop.');
    },
    close: async () => {},
  };
}
