import { createHash } from 'node:crypto';
import { Kind, parse, type GraphQLFormattedError, type SelectionSetNode } from 'graphql';
import { canonicalJson } from '../canonical-json';
import type { CacheHints } from './cache-hints';
import { entityPolicies, type CachePolicy } from './cache-policy';
import type { EntityEntry, EntityLookup, EntityStore } from './entity-store';

export interface EntitiesResponse {
  data?: { _entities?: unknown } | null;
  errors?: readonly GraphQLFormattedError[];
}

export type CacheOutcome = 'hit' | 'miss';

export interface EntityCacheOptions {
  hints: CacheHints;
  store: EntityStore;
  /** Counts each cacheable representation looked up (metrics). */
  observe?: (subgraph: string, typeName: string, outcome: CacheOutcome) => void;
}

/** Fetch documents whose plan is known; the planner's documents are few and stable. */
const MAX_PLANS = 2_000;

const digest = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 22);

/** The entity's identity in the cache: type and key fields (`Product:{"id":"…"}`), whatever else the representation carries. */
export function entityIdOf(hints: CacheHints, typeName: string, representation: Record<string, unknown>): string | null {
  for (const key of hints.keysOf(typeName)) {
    if (!key.every((field) => ['string', 'number', 'boolean'].includes(typeof representation[field]))) continue;
    return `${typeName}:${canonicalJson(Object.fromEntries(key.map((field) => [field, representation[field]])))}`;
  }
  return null;
}

/** What the subgraph said about its own answer (its `Cache-Control`), by answer object. */
const upstreamPolicies = new WeakMap<object, CachePolicy>();

/**
 * A subgraph running Apollo Server computes a policy for each `_entities` answer from its own hints
 * and any dynamic ones (`info.cacheControl.setCacheHint`, e.g. private for a draft only staff may
 * see) and sends it as `Cache-Control`. The cache never keeps an answer longer, or more widely,
 * than that: `no-store` keeps it out, `private` keeps it out of shared entries, a smaller max-age shortens it.
 */
export function recordUpstreamCacheControl(answer: object, header: string): void {
  const match = /^max-age=(\d+), (public|private)$/.exec(header.trim());
  upstreamPolicies.set(answer, match ? { maxAge: Number(match[1]), scope: match[2] === 'private' ? 'PRIVATE' : 'PUBLIC' } : { maxAge: 0, scope: 'PUBLIC' });
}

interface Slot {
  lookup: EntityLookup;
  policy: CachePolicy;
  typeName: string;
}

/**
 * Per-entity caching of `_entities` fetches. Each representation whose type the fetch selects
 * cacheably (cache-policy.ts) is looked up under (entity; subgraph, fetch document, other
 * variables, whole representation — its @requires fields included — and, for PRIVATE, the
 * viewer). Only the misses go to the subgraph; its answers are merged back in order, errors
 * moved to the positions they belong to, and the ones without errors stored for their maxAge.
 */
export class EntityCache {
  private readonly plans = new Map<string, Map<string, CachePolicy> | null>();

  constructor(private readonly options: EntityCacheOptions) {}

  async resolve<R extends EntitiesResponse>(
    subgraph: string,
    query: string,
    variables: Record<string, unknown>,
    viewerKey: () => string,
    send: (representations: unknown[]) => Promise<R>,
    tag?: (entity: string) => void,
  ): Promise<R> {
    const representations = variables.representations as unknown[];
    const policies = this.planOf(query);
    if (!policies) return send(representations);
    const { representations: _, ...others } = variables;
    const base = digest(`${subgraph}\n${query}\n${canonicalJson(others)}`);
    let viewer: string | undefined;
    const slots = representations.map((representation): Slot | null => {
      if (representation === null || typeof representation !== 'object') return null;
      const typeName = (representation as { __typename?: unknown }).__typename;
      const policy = typeof typeName === 'string' ? policies.get(typeName) : undefined;
      if (!policy || typeof typeName !== 'string') return null;
      const entity = entityIdOf(this.options.hints, typeName, representation as Record<string, unknown>);
      if (!entity) return null;
      tag?.(entity);
      const scoped = policy.scope === 'PRIVATE' ? `:${(viewer ??= viewerKey())}` : '';
      return { lookup: { entity, variant: `${base}:${digest(canonicalJson(representation))}${scoped}` }, policy, typeName };
    });
    const cacheable = slots.filter((slot): slot is Slot => slot !== null);
    if (cacheable.length === 0) return send(representations);
    const looked = await this.options.store.getMany(cacheable.map((slot) => slot.lookup)).catch(() => null);
    const entities: unknown[] = new Array(representations.length);
    const missing: number[] = [];
    const generations: (string | undefined)[] = new Array(representations.length);
    let next = 0;
    slots.forEach((slot, i) => {
      const found = slot && looked ? looked[next++] : undefined;
      if (slot) this.options.observe?.(subgraph, slot.typeName, found?.value ? 'hit' : 'miss');
      if (found?.value) entities[i] = JSON.parse(found.value);
      else missing.push(i);
      generations[i] = found?.generation;
    });
    if (missing.length === 0) return { data: { _entities: entities } } as R;
    const response = await send(missing.map((i) => representations[i]));
    const fetched = response.data?._entities;
    if (!Array.isArray(fetched) || fetched.length !== missing.length) {
      // Nothing to merge with: the whole fetch as the executor would have sent it, not cached.
      return missing.length === representations.length ? response : send(representations);
    }
    const failed = new Set<number>();
    let wholeResponseError = false;
    const errors = (response.errors ?? []).map((error) => {
      const [head, j, ...rest] = error.path ?? [];
      if (head !== '_entities' || typeof j !== 'number' || missing[j] === undefined) {
        wholeResponseError = true;
        return { position: -1, error };
      }
      failed.add(j);
      return { position: missing[j]!, error: { ...error, path: ['_entities', missing[j]!, ...rest] } };
    });
    const upstream = upstreamPolicies.get(response);
    const entries: EntityEntry[] = [];
    fetched.forEach((value, j) => {
      const i = missing[j]!;
      entities[i] = value;
      const slot = slots[i];
      const generation = generations[i];
      if (!slot || generation === undefined || wholeResponseError || failed.has(j) || value === null || typeof value !== 'object') return;
      if (upstream && upstream.scope === 'PRIVATE' && slot.policy.scope === 'PUBLIC') return;
      const maxAge = Math.min(slot.policy.maxAge, upstream?.maxAge ?? Infinity);
      if (maxAge > 0) entries.push({ ...slot.lookup, value: JSON.stringify(value), ttlMs: maxAge * 1000, generation });
    });
    await this.options.store.setMany(entries).catch(() => undefined);
    const merged = { ...response, data: { ...response.data, _entities: entities } };
    if (!response.errors) return merged;
    return { ...merged, errors: errors.sort((a, b) => a.position - b.position).map((e) => e.error) };
  }

  /** Which entity types the fetch document selects cacheably, with their policies; null: none. */
  private planOf(query: string): Map<string, CachePolicy> | null {
    let plan = this.plans.get(query);
    if (plan !== undefined) return plan;
    const selection = entitiesSelection(query);
    const policies = selection ? entityPolicies(this.options.hints, selection) : new Map<string, CachePolicy>();
    for (const [typeName, policy] of policies) if (policy.maxAge <= 0) policies.delete(typeName);
    plan = policies.size > 0 ? policies : null;
    if (this.plans.size >= MAX_PLANS) this.plans.delete(this.plans.keys().next().value!);
    this.plans.set(query, plan);
    return plan;
  }
}

function entitiesSelection(query: string): SelectionSetNode | undefined {
  const operation = parse(query).definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (operation?.kind !== Kind.OPERATION_DEFINITION || operation.operation !== 'query') return undefined;
  const [field] = operation.selectionSet.selections;
  return field?.kind === Kind.FIELD && field.name.value === '_entities' && operation.selectionSet.selections.length === 1 ? field.selectionSet : undefined;
}
