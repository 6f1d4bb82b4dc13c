import { createHash } from 'node:crypto';
import { Kind, parse, print, type FragmentDefinitionNode, type GraphQLFormattedError, type SelectionSetNode } from 'graphql';
import { canonicalJson } from '../canonical-json';
import type { CacheHints } from './cache-hints';
import { entityPolicies, type CachePolicy } from './cache-policy';
import type { EntityEntry, EntityLookup, EntityStore, Looked } from './entity-store';

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
export function recordUpstreamCacheControl(answer: object, header: string): CachePolicy {
  const policy = parseCacheControl(header);
  upstreamPolicies.set(answer, policy);
  return policy;
}

/** Apollo Server's two forms (`max-age=N, public|private`, `no-store`); anything else: not cacheable. */
export function parseCacheControl(header: string): CachePolicy {
  const match = /^max-age=(\d+), (public|private)$/.exec(header.trim());
  return match ? { maxAge: Number(match[1]), scope: match[2] === 'private' ? 'PRIVATE' : 'PUBLIC' } : { maxAge: 0, scope: 'PUBLIC' };
}

/** The narrower of two policies. */
export function narrowest(a: CachePolicy, b: CachePolicy | undefined): CachePolicy {
  if (!b) return a;
  return { maxAge: Math.min(a.maxAge, b.maxAge), scope: a.scope === 'PRIVATE' || b.scope === 'PRIVATE' ? 'PRIVATE' : 'PUBLIC' };
}

interface Slot {
  lookup: EntityLookup;
  policy: CachePolicy;
  typeName: string;
}

/** One `_entities` field of a fetch: the planner's own (`_entities`, `$representations`) or one of a merged request (`_i`, `$__ri`). */
interface Member {
  responseKey: string;
  variable: string;
  /** The member's selection as text, the same whether it travelled alone or merged. */
  identity: string;
  policies: Map<string, CachePolicy>;
}

interface Plan {
  merged: boolean;
  members: Member[];
}

type Variables = Record<string, unknown>;

/**
 * Per-entity caching of `_entities` fetches. Each representation whose type the fetch selects
 * cacheably (cache-policy.ts) is looked up under (entity; subgraph, selection, the fetch's other
 * variables, whole representation — its @requires fields included — and, for PRIVATE, the
 * viewer). For the planner's own fetches only the misses go to the subgraph; its answers are
 * merged back in order, errors moved to the positions they belong to, and the ones without errors
 * stored for their maxAge. A request the executor merged from several fetches (execution/merged-fetches.ts)
 * is answered from the cache only when every member is a hit; otherwise it goes out whole and its
 * answers are stored.
 */
export class EntityCache {
  private readonly plans = new Map<string, Plan | null>();

  constructor(private readonly options: EntityCacheOptions) {}

  async resolve<R extends EntitiesResponse>(
    subgraph: string,
    query: string,
    variables: Variables,
    viewerKey: () => string,
    send: (variables: Variables) => Promise<R>,
    tag?: (entity: string) => void,
  ): Promise<R> {
    const plan = this.planOf(query);
    if (!plan) return send(variables);
    const others = canonicalJson(Object.fromEntries(Object.entries(variables).filter(([name]) => !plan.members.some((m) => m.variable === name))));
    let viewer: string | undefined;
    const slotsOf = (member: Member): (Slot | null)[] => {
      const representations = variables[member.variable];
      if (!Array.isArray(representations)) return [];
      const base = digest(`${subgraph}\n${member.identity}\n${others}`);
      return representations.map((representation: unknown): Slot | null => {
        if (representation === null || typeof representation !== 'object') return null;
        const typeName = (representation as { __typename?: unknown }).__typename;
        const policy = typeof typeName === 'string' ? member.policies.get(typeName) : undefined;
        if (!policy || typeof typeName !== 'string') return null;
        const entity = entityIdOf(this.options.hints, typeName, representation as Record<string, unknown>);
        if (!entity) return null;
        tag?.(entity);
        const scoped = policy.scope === 'PRIVATE' ? `:${(viewer ??= viewerKey())}` : '';
        return { lookup: { entity, variant: `${base}:${digest(canonicalJson(representation))}${scoped}` }, policy, typeName };
      });
    };
    const slots = plan.members.map(slotsOf);
    const cacheable = slots.flat().filter((slot): slot is Slot => slot !== null);
    if (cacheable.length === 0) return send(variables);
    const looked = await this.options.store.getMany(cacheable.map((slot) => slot.lookup)).catch(() => null);
    let next = 0;
    const found = slots.map((memberSlots) =>
      memberSlots.map((slot) => {
        const result = slot && looked ? looked[next++] : undefined;
        if (slot) this.options.observe?.(subgraph, slot.typeName, result?.value ? 'hit' : 'miss');
        return result;
      }),
    );
    if (plan.merged) return this.resolveMerged(plan, variables, slots, found, send);
    const representations = variables[plan.members[0]!.variable] as unknown[];
    const entities: unknown[] = new Array(representations.length);
    const missing: number[] = [];
    found[0]!.forEach((result, i) => {
      if (result?.value) entities[i] = JSON.parse(result.value);
      else missing.push(i);
    });
    if (missing.length === 0) return { data: { _entities: entities } } as R;
    const response = await send({ ...variables, representations: missing.map((i) => representations[i]) });
    const fetched = response.data?._entities;
    if (!Array.isArray(fetched) || fetched.length !== missing.length) {
      // Nothing to merge with: the whole fetch as the executor would have sent it, not cached.
      return missing.length === representations.length ? response : send(variables);
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
    fetched.forEach((value, j) => (entities[missing[j]!] = value));
    if (!wholeResponseError) {
      const upstream = upstreamPolicies.get(response);
      await this.store(
        missing.map((i, j) => ({ slot: slots[0]![i], generation: found[0]![i]?.generation, value: failed.has(j) ? null : fetched[j] })),
        upstream,
      );
    }
    const merged = { ...response, data: { ...response.data, _entities: entities } };
    if (!response.errors) return merged;
    return { ...merged, errors: errors.sort((a, b) => a.position - b.position).map((e) => e.error) };
  }

  private async resolveMerged<R extends EntitiesResponse>(
    plan: Plan,
    variables: Variables,
    slots: (Slot | null)[][],
    found: (Looked | undefined)[][],
    send: (variables: Variables) => Promise<R>,
  ): Promise<R> {
    if (found.every((member, m) => member.length === slots[m]!.length && member.every((result) => result?.value))) {
      return { data: Object.fromEntries(plan.members.map((member, m) => [member.responseKey, found[m]!.map((result) => JSON.parse(result!.value!))])) } as R;
    }
    const response = await send(variables);
    const data = response.data as Record<string, unknown> | null | undefined;
    const failed = new Set<string>();
    for (const error of response.errors ?? []) {
      const [head, j] = error.path ?? [];
      if (typeof head !== 'string' || typeof j !== 'number') return response;
      failed.add(`${head}\n${j}`);
    }
    const upstream = upstreamPolicies.get(response);
    const answers = plan.members.flatMap((member, m) => {
      const fetched = data?.[member.responseKey];
      if (!Array.isArray(fetched) || fetched.length !== slots[m]!.length) return [];
      return fetched.map((value: unknown, j) => ({ slot: slots[m]![j], generation: found[m]![j]?.generation, value: failed.has(`${member.responseKey}\n${j}`) ? null : value }));
    });
    await this.store(answers, upstream);
    return response;
  }

  /** Stores the answers that may be: an entity without errors, within the subgraph's own policy. */
  private async store(answers: { slot: Slot | null | undefined; generation: string | undefined; value: unknown }[], upstream: CachePolicy | undefined): Promise<void> {
    const entries: EntityEntry[] = [];
    for (const { slot, generation, value } of answers) {
      if (!slot || generation === undefined || value === null || typeof value !== 'object') continue;
      if (upstream && upstream.scope === 'PRIVATE' && slot.policy.scope === 'PUBLIC') continue;
      const maxAge = Math.min(slot.policy.maxAge, upstream?.maxAge ?? Infinity);
      if (maxAge > 0) entries.push({ ...slot.lookup, value: JSON.stringify(value), ttlMs: maxAge * 1000, generation });
    }
    await this.options.store.setMany(entries).catch(() => undefined);
  }

  /** The fetch's `_entities` members and which entity types each selects cacheably; null: nothing to cache. */
  private planOf(query: string): Plan | null {
    let plan = this.plans.get(query);
    if (plan !== undefined) return plan;
    plan = entitiesPlan(this.options.hints, query);
    if (this.plans.size >= MAX_PLANS) this.plans.delete(this.plans.keys().next().value!);
    this.plans.set(query, plan);
    return plan;
  }
}

function entitiesPlan(hints: CacheHints, query: string): Plan | null {
  const document = parse(query);
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (operation?.kind !== Kind.OPERATION_DEFINITION || operation.operation !== 'query') return null;
  const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  const fields = operation.selectionSet.selections;
  const merged = fields.length > 1 || (fields[0]?.kind === Kind.FIELD && fields[0].alias !== undefined);
  const members: Member[] = [];
  for (const field of fields) {
    if (field.kind !== Kind.FIELD || field.name.value !== '_entities' || !field.selectionSet) return null;
    const argument = field.arguments?.find((a) => a.name.value === 'representations')?.value;
    if (argument?.kind !== Kind.VARIABLE) return null;
    const policies = entityPolicies(hints, field.selectionSet, fragments);
    for (const [typeName, policy] of policies) if (policy.maxAge <= 0) policies.delete(typeName);
    // Fragments are renamed `…__i` when merged: the identity drops the suffix, so both forms share entries.
    const suffix = merged ? new RegExp(`__${field.alias?.value.slice(1)}\\b`, 'g') : undefined;
    const used = [...fragmentsUsedBy(field.selectionSet, fragments)].map((name) => print(fragments.get(name)!));
    const identity = [print({ ...field, alias: undefined, arguments: [] }), ...used.sort()].join('\n');
    members.push({ responseKey: field.alias?.value ?? '_entities', variable: argument.name.value, identity: suffix ? identity.replace(suffix, '') : identity, policies });
  }
  return members.some((member) => member.policies.size > 0) ? { merged, members } : null;
}

function fragmentsUsedBy(selectionSet: SelectionSetNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>, seen = new Set<string>()): Set<string> {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FRAGMENT_SPREAD) {
      const name = selection.name.value;
      if (seen.has(name) || !fragments.has(name)) continue;
      seen.add(name);
      fragmentsUsedBy(fragments.get(name)!.selectionSet, fragments, seen);
    } else if (selection.selectionSet) fragmentsUsedBy(selection.selectionSet, fragments, seen);
  }
  return seen;
}
