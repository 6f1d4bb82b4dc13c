import { createHash } from 'node:crypto';
import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import { Kind, type DocumentNode, type FormattedExecutionResult, type FragmentDefinitionNode } from 'graphql';
import type { Redis } from 'ioredis';
import { canonicalJson } from '../canonical-json';
import { requestDefers } from '../http/incremental-delivery';
import type { GatewayContext } from '../context';
import type { CacheHints } from './cache-hints';
import { operationPolicy, type CachePolicy } from './cache-policy';
import { narrowest, type CacheOutcome } from './entity-cache';

/**
 * Whole responses by key, each for its own lifetime, tagged with the cached entities they hold
 * (cache/entity-cache.ts ids): the event that drops an entity drops the responses showing it.
 */
export interface ResponseStore {
  get(key: string): Promise<string | null>;
  set(key: string, value: string, ttlMs: number, tags: Iterable<string>): Promise<void>;
  dropTagged(tag: string): Promise<void>;
}

export function createMemoryResponseStore(options: { maxEntries?: number; now?: () => number } = {}): ResponseStore {
  const { maxEntries = 1_000, now = Date.now } = options;
  const entries = new Map<string, { value: string; expiresAt: number }>();
  // Keys of evicted or expired entries may linger in a tag's set: deleting them again is harmless.
  const tagged = new Map<string, Set<string>>();
  return {
    async get(key) {
      const entry = entries.get(key);
      if (!entry || entry.expiresAt <= now()) return entries.delete(key), null;
      return entry.value;
    },
    async set(key, value, ttlMs, tags) {
      entries.delete(key);
      entries.set(key, { value, expiresAt: now() + ttlMs });
      while (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
      for (const tag of tags) {
        const keys = tagged.get(tag) ?? new Set();
        tagged.delete(tag);
        tagged.set(tag, keys.add(key));
      }
      while (tagged.size > maxEntries * 10) tagged.delete(tagged.keys().next().value!);
    },
    async dropTagged(tag) {
      for (const key of tagged.get(tag) ?? []) entries.delete(key);
      tagged.delete(tag);
    },
  };
}

export function createRedisResponseStore(redis: Redis, prefix = 'mosaic:response-cache:'): ResponseStore {
  const tagKey = (tag: string) => `${prefix}tag:${tag}`;
  return {
    get: (key) => redis.get(prefix + key).catch(() => null),
    async set(key, value, ttlMs, tags) {
      const ttl = Math.max(1, ttlMs);
      const pipeline = redis.pipeline().set(prefix + key, value, 'PX', ttl);
      for (const tag of tags) pipeline.sadd(tagKey(tag), key).pexpire(tagKey(tag), ttl, 'NX').pexpire(tagKey(tag), ttl, 'GT');
      await pipeline.exec().catch(() => undefined);
    },
    async dropTagged(tag) {
      const keys = await redis.smembers(tagKey(tag));
      await redis.del(tagKey(tag), ...keys.map((key) => prefix + key));
    },
  };
}

export interface ResponseCacheOptions {
  hints: CacheHints;
  /** Absent: only the policy and its `Cache-Control` header, nothing stored. */
  store?: ResponseStore | undefined;
  now?: () => number;
  observe?: (outcome: CacheOutcome) => void;
}

interface Stored {
  body: FormattedExecutionResult;
  storedAt: number;
  policy: CachePolicy;
}

/**
 * The operation's cache policy from the supergraph's hints (cache-policy.ts), as Apollo's cache
 * control computes it: it becomes the request's `overallCachePolicy`, from which Apollo Server writes
 * `Cache-Control` (`max-age=N, public|private`, or `no-store`), narrowed by the `Cache-Control` the
 * subgraphs sent for their parts (dynamic hints included). PUBLIC queries are cached whole, for
 * everyone, for their maxAge; a response served from the cache carries `Age` (seconds since it
 * was stored). Responses with errors are never stored.
 */
export function responseCachePlugin(options: ResponseCacheOptions): ApolloServerPlugin<GatewayContext> {
  const { hints, store, now = Date.now } = options;
  const policies = new WeakMap<DocumentNode, Map<string, CachePolicy>>();
  const policyOf = (context: GraphQLRequestContext<GatewayContext>): CachePolicy | undefined => {
    const { document, operation } = context;
    if (!document || !operation) return undefined;
    let byName = policies.get(document);
    if (!byName) policies.set(document, (byName = new Map()));
    const name = operation.name?.value ?? '';
    let policy = byName.get(name);
    if (!policy) {
      const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
      byName.set(name, (policy = operationPolicy(hints, operation, fragments)));
    }
    return policy;
  };
  return {
    async requestDidStart() {
      let policy: CachePolicy | undefined;
      let key: string | undefined;
      let served = false;
      // A deferred operation's result leaves the executor as its first payload only: never stored
      // or served whole. (`@defer(if: $var)` with `$var` false, or defaulting to false, is not deferred.)
      let deferred = false;
      return {
        async didResolveOperation(context) {
          policy = policyOf(context);
          deferred = requestDefers(context);
          if (policy && policy.maxAge > 0) context.overallCachePolicy.replace(policy);
          else context.overallCachePolicy.restrict({ maxAge: 0 });
        },
        async responseForOperation(context) {
          if (!store || !policy || deferred || policy.maxAge <= 0 || policy.scope !== 'PUBLIC' || context.contextValue.cacheBypass) return null;
          key = createHash('sha256')
            .update(`${context.source ?? ''}\n${context.operationName ?? ''}\n${canonicalJson(context.request.variables ?? {})}`)
            .digest('base64url');
          const raw = await store.get(key);
          options.observe?.(raw ? 'hit' : 'miss');
          if (!raw) return null;
          const stored = JSON.parse(raw) as Stored;
          served = true;
          context.overallCachePolicy.replace(stored.policy);
          context.response.http.headers.set('age', String(Math.max(0, Math.floor((now() - stored.storedAt) / 1000))));
          return { http: context.response.http, body: { kind: 'single', singleResult: stored.body } };
        },
        async willSendResponse(context) {
          if (served || !policy || policy.maxAge <= 0) return;
          // Runs before Apollo's cache-control plugin (installed last), which writes the header from this.
          const effective = narrowest(policy, context.contextValue.cacheUpstream);
          context.overallCachePolicy.replace(effective);
          if (!store || !key || deferred || effective.maxAge <= 0 || effective.scope !== 'PUBLIC' || context.response.body.kind !== 'single') return;
          const result = context.response.body.singleResult;
          if (result.errors?.length) return;
          const stored: Stored = { body: result, storedAt: now(), policy: effective };
          await store.set(key, JSON.stringify(stored), effective.maxAge * 1000, context.contextValue.cacheTags ?? []);
        },
      };
    },
  };
}
