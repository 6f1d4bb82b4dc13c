import { randomUUID } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { CacheStore, Db, Logger, PubSub } from '@mosaic/kit';
import { findLinksByCodeKeys } from '../../data/links-repo';
import type { LinkRow } from '../../data/tables';

/** What a redirect needs to know about a code, and all the cache holds: no counts, nothing that changes per visit. */
export type CachedLink =
  | {
      found: true;
      id: string;
      target: string;
      status: 301 | 302;
      expiresAt: number | null;
      maxVisits: number | null;
      passwordHash: string | null;
      disabled: boolean;
    }
  | { found: false };

export function cachedLinkOf(row: LinkRow | null | undefined): CachedLink {
  if (!row) return { found: false };
  return {
    found: true,
    id: row.id,
    target: row.targetUrl,
    status: row.redirectStatus === 301 ? 301 : 302,
    expiresAt: row.expiresAt?.getTime() ?? null,
    maxVisits: row.maxVisits,
    passwordHash: row.passwordHash,
    disabled: row.disabledAt !== null,
  };
}

/** Pub/sub topic: `{ codeKey, origin }` after a link was created, changed or deleted, for every replica's local cache. */
export const INVALIDATED_TOPIC = 'links:invalidated';

/**
 * Lifetimes. Invalidation is explicit (below), so these only bound how long a replica could serve
 * an old answer if an invalidation were lost (Redis down during an edit). Unknown codes are
 * remembered briefly, so scanners guessing codes do not reach the database on every request.
 */
const LOCAL_TTL_MS = 5 * 60_000;
const SHARED_TTL_MS = 60 * 60_000;
const MISSING_TTL_MS = 30_000;
const RETRY_MS = 1_000;
const RETRIES = 120;

/**
 * Code → redirect, without touching the database on a hit. Two tiers: an LRU in this process,
 * and — when the caches are shared (Redis, services mode) — Redis, which every replica fills and
 * reads. Writes are write-through: after a link is created, changed or deleted (committed), its
 * entry in Redis is replaced and every replica drops its local copy (pub/sub).
 *
 * Two races are closed: a replica that read the old row from the database just before an edit
 * fills Redis only if the key is empty (`add`), so it cannot overwrite the edit's newer entry;
 * and a local fill is skipped when an invalidation for that code arrived while it was loading.
 */
export class LinkCache {
  private readonly local: LRUCache<string, CachedLink>;
  private readonly loading = new Map<string, Promise<CachedLink>>();
  /** Per code, the sequence number of its last invalidation (kept long enough to outlive any load). */
  private readonly invalidatedAt = new LRUCache<string, number>({ max: 50_000, ttl: 60_000 });
  private sequence = 0;
  private readonly id = randomUUID();
  private readonly retries = new Set<NodeJS.Timeout>();
  private unsubscribe: (() => Promise<void>) | null = null;

  constructor(
    private readonly deps: { db: Db; shared: CacheStore | null; pubsub: PubSub; log: Logger },
    maxEntries: number,
  ) {
    this.local = new LRUCache({ max: maxEntries });
  }

  async start(): Promise<void> {
    this.unsubscribe = await this.deps.pubsub.subscribe(INVALIDATED_TOPIC, (payload) => {
      const { codeKey, origin } = payload as { codeKey?: unknown; origin?: unknown };
      // The replica that wrote already holds the new entry.
      if (typeof codeKey === 'string' && origin !== this.id) this.forget(codeKey);
    });
  }

  /** The entry when this process holds it: the redirect's fast path, no promise involved. */
  peek(codeKey: string): CachedLink | undefined {
    return this.local.get(codeKey);
  }

  get(codeKey: string): Promise<CachedLink> {
    const hit = this.local.get(codeKey);
    if (hit) return Promise.resolve(hit);
    let load = this.loading.get(codeKey);
    if (!load) {
      load = this.load(codeKey).finally(() => {
        if (this.loading.get(codeKey) === load) this.loading.delete(codeKey);
      });
      this.loading.set(codeKey, load);
    }
    return load;
  }

  private async load(codeKey: string): Promise<CachedLink> {
    const startedAt = this.sequence;
    const { shared, log } = this.deps;
    let entry = shared ? parse(await shared.get(codeKey).catch(() => null)) : null;
    if (!entry) {
      const [row] = await findLinksByCodeKeys(this.deps.db, [codeKey]);
      entry = cachedLinkOf(row);
      if (shared) await shared.add(codeKey, JSON.stringify(entry), entry.found ? SHARED_TTL_MS : MISSING_TTL_MS).catch((error: unknown) => log.warn({ err: error }, 'could not fill the shared link cache'));
    }
    if ((this.invalidatedAt.get(codeKey) ?? 0) <= startedAt) this.local.set(codeKey, entry, { ttl: entry.found ? LOCAL_TTL_MS : MISSING_TTL_MS });
    return entry;
  }

  /** After a committed write of `row` (null: deleted): this replica answers from it at once, the others on the invalidation. */
  async written(codeKey: string, row: LinkRow | null): Promise<void> {
    this.forget(codeKey);
    const entry = cachedLinkOf(row);
    // The committed row is the newest there is: this replica answers from it without a load.
    this.local.set(codeKey, entry, { ttl: entry.found ? LOCAL_TTL_MS : MISSING_TTL_MS });
    const shared = this.deps.shared;
    const value = JSON.stringify(entry);
    await this.reliably('replace the shared cache entry', () => (shared ? shared.set(codeKey, value, entry.found ? SHARED_TTL_MS : MISSING_TTL_MS) : Promise.resolve()));
    await this.reliably('announce the change to other replicas', () => this.deps.pubsub.publish(INVALIDATED_TOPIC, { codeKey, origin: this.id }));
  }

  private forget(codeKey: string): void {
    this.local.delete(codeKey);
    this.loading.delete(codeKey);
    this.invalidatedAt.set(codeKey, ++this.sequence);
  }

  /** Tries once now; on failure keeps retrying in the background (the write itself has committed). */
  private async reliably(what: string, attempt: () => Promise<void>): Promise<void> {
    try {
      await attempt();
    } catch (error) {
      this.deps.log.warn({ err: error }, `links: could not ${what}; retrying`);
      let left = RETRIES;
      const retry = () => {
        const timer = setTimeout(() => {
          this.retries.delete(timer);
          attempt().catch(() => (--left > 0 ? retry() : this.deps.log.error(`links: gave up trying to ${what}; replicas may serve the old link until their cache expires`)));
        }, RETRY_MS);
        timer.unref();
        this.retries.add(timer);
      };
      retry();
    }
  }

  async close(): Promise<void> {
    for (const timer of this.retries) clearTimeout(timer);
    await this.unsubscribe?.();
  }
}

function parse(value: string | null): CachedLink | null {
  if (!value) return null;
  try {
    return JSON.parse(value) as CachedLink;
  } catch {
    return null;
  }
}
