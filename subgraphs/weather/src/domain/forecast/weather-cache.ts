import { LRUCache } from 'lru-cache';
import type { CacheStore, Logger } from '@mosaic/kit';
import type { SourceInfo } from '../model';

export type DataKind = 'current' | 'hourly' | 'daily' | 'places';

export interface Freshness {
  /** Fresh for this long. */
  ttlMs: number;
  /** Then served (flagged stale) while one background refresh runs. */
  staleWhileRevalidateMs: number;
  /** Kept this long after `ttlMs` to answer with (flagged stale) when the provider fails. */
  staleIfErrorMs: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** How long each kind of data stays fresh, roughly how often providers update it (documented in the README). */
export const FRESHNESS: Record<DataKind, Freshness> = {
  current: { ttlMs: 10 * MINUTE, staleWhileRevalidateMs: 10 * MINUTE, staleIfErrorMs: 6 * HOUR },
  hourly: { ttlMs: 30 * MINUTE, staleWhileRevalidateMs: 30 * MINUTE, staleIfErrorMs: 24 * HOUR },
  daily: { ttlMs: 3 * HOUR, staleWhileRevalidateMs: 3 * HOUR, staleIfErrorMs: 48 * HOUR },
  places: { ttlMs: 7 * 24 * HOUR, staleWhileRevalidateMs: 7 * 24 * HOUR, staleIfErrorMs: 30 * 24 * HOUR },
};

interface Entry<T> {
  value: T;
  fetchedAt: number;
  source: SourceInfo;
}

/** A cached answer and how old it is; `stale` once it is past its freshness lifetime. */
export interface Cached<T> extends Entry<T> {
  stale: boolean;
  ageMs: number;
}

/** What the cache did, for /metrics-style reporting and the benchmark. */
export interface CacheCounters {
  hits: number;
  staleHits: number;
  misses: number;
  upstreamCalls: number;
  upstreamFailures: number;
  servedStale: number;
}

/**
 * Provider answers by key, in the shared cache store (in-process in all-in-one, Redis shared by the
 * replicas in services mode). A fresh entry is served as it is; a slightly old one is served
 * flagged stale while one refresh runs in the background (stale-while-revalidate); a missing or
 * old one is fetched — concurrent requests for the same key share one upstream call — and, when
 * the provider fails, an entry still within `staleIfErrorMs` is served flagged stale instead of an
 * error. Only successful, validated answers are ever stored.
 */
export class WeatherCache {
  readonly counters: CacheCounters = { hits: 0, staleHits: 0, misses: 0, upstreamCalls: 0, upstreamFailures: 0, servedStale: 0 };
  private readonly inflight = new Map<string, Promise<Entry<unknown>>>();
  /** Entries this process just fetched: a request that read the store just before the write still finds them. */
  private readonly recent = new LRUCache<string, Entry<unknown>>({ max: 1_000, ttl: 5_000 });

  constructor(private readonly deps: { store: CacheStore; now: () => Date; log: Logger }) {}

  async get<T>(kind: DataKind, key: string, fetch: () => Promise<T>, source: SourceInfo): Promise<Cached<T>> {
    const freshness = FRESHNESS[kind];
    const entry = (this.recent.get(key) as Entry<T> | undefined) ?? (await this.read<T>(key));
    const age = entry ? this.deps.now().getTime() - entry.fetchedAt : Infinity;
    if (entry && age < freshness.ttlMs) {
      this.counters.hits++;
      return { ...entry, stale: false, ageMs: Math.max(0, age) };
    }
    if (entry && age < freshness.ttlMs + freshness.staleWhileRevalidateMs) {
      this.counters.staleHits++;
      this.refresh(kind, key, fetch, source).catch(() => {});
      return { ...entry, stale: true, ageMs: age };
    }
    this.counters.misses++;
    try {
      const fresh = await this.refresh(kind, key, fetch, source);
      return { ...fresh, stale: false, ageMs: Math.max(0, this.deps.now().getTime() - fresh.fetchedAt) };
    } catch (error) {
      if (entry && age < freshness.ttlMs + freshness.staleIfErrorMs) {
        this.counters.servedStale++;
        this.deps.log.warn({ err: error, key, ageMs: age }, 'weather provider failed: serving the cached answer, flagged stale');
        return { ...entry, stale: true, ageMs: age };
      }
      throw error;
    }
  }

  private refresh<T>(kind: DataKind, key: string, fetch: () => Promise<T>, source: SourceInfo): Promise<Entry<T>> {
    const running = this.inflight.get(key) as Promise<Entry<T>> | undefined;
    if (running) return running;
    const started = (async () => {
      this.counters.upstreamCalls++;
      let value: T;
      try {
        value = await fetch();
      } catch (error) {
        this.counters.upstreamFailures++;
        throw error;
      }
      const entry: Entry<T> = { value, fetchedAt: this.deps.now().getTime(), source };
      this.recent.set(key, entry);
      const freshness = FRESHNESS[kind];
      await this.deps.store
        .set(key, JSON.stringify(entry), freshness.ttlMs + Math.max(freshness.staleWhileRevalidateMs, freshness.staleIfErrorMs))
        .catch((error: unknown) => this.deps.log.warn({ err: error }, 'could not store a weather answer in the cache'));
      return entry;
    })().finally(() => this.inflight.delete(key));
    this.inflight.set(key, started);
    return started;
  }

  private async read<T>(key: string): Promise<Entry<T> | null> {
    try {
      const text = await this.deps.store.get(key);
      return text ? (JSON.parse(text) as Entry<T>) : null;
    } catch (error) {
      this.deps.log.warn({ err: error }, 'weather cache read failed; asking the provider');
      return null;
    }
  }
}
