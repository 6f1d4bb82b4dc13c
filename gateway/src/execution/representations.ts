import type { FetchNode, QueryPlanSelectionNode } from '@apollo/query-planner';
import type { DedupedRepresentations } from '../fetch/entity-dedup';
import { deepMerge } from './deep-merge';
import { applyRewrites, isObjectOfType, type FederationSchema, type JsonObject } from './apollo-internals';
import { responseObject } from './response-object';

/**
 * The `_entities` representations of an entity fetch, built exactly as @apollo/gateway 2.14.4
 * builds them (`executeSelectionSet` over the fetch's `requires`, input rewrites applied, entities
 * without `__typename` left out), with the entity each one came from — and deduplicated on the
 * way (the rules of fetch/entity-dedup.ts): plans often reach the same entity at many paths (the
 * benchmark query: 465 representations, 27 distinct). Each entity's key is the sequence of exactly
 * what `selectFrom` reads from it, in its order — every value it copies, where it stops at a
 * missing field, each type condition's outcome — so equal keys mean equal representations, and
 * only the first entity of each key has its representation built (and rewritten). Repeated ones
 * share that object in `representations`; `dedup` says which are unique (null: none repeated).
 * Keys are looked up token by token in a trie of Maps: no key string is built per entity (that
 * was the executor's largest allocation under load).
 */
export function representationsFor(
  schema: FederationSchema,
  fetch: FetchNode,
  entities: JsonObject[],
): { representations: JsonObject[]; representationToEntity: number[]; dedup: DedupedRepresentations | null } {
  const representations: JsonObject[] = [];
  const representationToEntity: number[] = [];
  const unique: JsonObject[] = [];
  const uniqueIndexOf: number[] = [];
  /** Index in `unique` by key; -1: that representation has no `__typename` and is left out. */
  const indexByKey: KeyTrie = new Map();
  const requires = fetch.requires!;
  for (let index = 0; index < entities.length; index++) {
    const entity = entities[index]!;
    tokenCount = 0;
    if (!keyFrom(schema, entity, requires)) continue;
    const leaf = trieLeaf(indexByKey);
    let uniqueIndex = leaf.get(END) as number | undefined;
    if (uniqueIndex === undefined) {
      const representation = selectFrom(schema, entity, requires);
      if (representation && representation.__typename) {
        applyRewrites(schema, fetch.inputRewrites, representation);
        uniqueIndex = unique.push(representation) - 1;
      } else uniqueIndex = -1;
      leaf.set(END, uniqueIndex);
    }
    if (uniqueIndex < 0) continue;
    representations.push(unique[uniqueIndex]!);
    representationToEntity.push(index);
    uniqueIndexOf.push(uniqueIndex);
  }
  return { representations, representationToEntity, dedup: unique.length < representations.length ? { unique, uniqueIndexOf } : null };
}

/** Keys by their tokens, one Map level per token; a key's index is at its last level under END. */
type KeyTrie = Map<unknown, KeyTrie | number>;

/** The current entity's key: tokens[0 … tokenCount) (one array for every entity, overwritten). */
const tokens: unknown[] = [];
let tokenCount = 0;

/** Structure markers, distinct from every value a key holds (values are JSON scalars, or JSON text after JSON_TEXT). */
const END = Symbol('end');
const NULL_SOURCE = Symbol('null');
const LIST = Symbol('[');
const OBJECT = Symbol('{');
const CLOSE = Symbol('}');
const FRAGMENT_MET = Symbol('+');
const FRAGMENT_SELECTED = Symbol(';');
const FRAGMENT_SKIPPED = Symbol('-');
const JSON_TEXT = Symbol('json');

function token(value: unknown): void {
  tokens[tokenCount++] = value;
}

/** A copied value: a JSON scalar is its own token (Map keys tell '1' from 1); anything else, its JSON text. */
function leafToken(value: unknown): void {
  if (value === null || typeof value !== 'object') token(value);
  else {
    token(JSON_TEXT);
    token(JSON.stringify(value));
  }
}

/** The last level of the current key in `trie`, created on the way for a key not seen before. */
function trieLeaf(trie: KeyTrie): KeyTrie {
  let level = trie;
  for (let i = 0; i < tokenCount; i++) {
    const value = tokens[i];
    let next = level.get(value) as KeyTrie | undefined;
    if (next === undefined) {
      next = new Map();
      level.set(value, next);
    }
    level = next;
  }
  return level;
}

/**
 * Appends to the key what `selectFrom` reads, mirroring its every step; false where it returns
 * null. The selections fix the structure, so equal token sequences mean equal representation JSON.
 * Where selectFrom's outcome does not depend on what it read (a null), neither does the key.
 */
function keyFrom(schema: FederationSchema, source: JsonObject | null, selections: readonly QueryPlanSelectionNode[]): boolean {
  if (source === null) {
    token(NULL_SOURCE);
    return false;
  }
  const start = tokenCount;
  for (const selection of selections) {
    if (selection.kind === 'Field') {
      const responseName = selection.alias ?? selection.name;
      const nested = selection.selections;
      if (!Object.prototype.hasOwnProperty.call(source, responseName) || source[responseName] === undefined) {
        // selectFrom gives null here whatever it read before: so does the key.
        tokenCount = start;
        token(NULL_SOURCE);
        return false;
      }
      const value = source[responseName];
      if (Array.isArray(value)) {
        token(LIST);
        token(value.length);
        for (const element of value) {
          if (nested) keyFrom(schema, element as JsonObject | null, nested);
          else leafToken(element);
        }
        token(CLOSE);
      } else if (nested) {
        token(OBJECT);
        keyFrom(schema, value as JsonObject | null, nested);
        token(CLOSE);
      } else leafToken(value);
    } else {
      if (!selection.typeCondition || !source) continue;
      const before = tokenCount;
      if (isObjectOfType(schema, source, selection.typeCondition)) {
        token(FRAGMENT_MET);
        // A fragment whose selection gives null merges nothing, as one that does not apply.
        if (keyFrom(schema, source, selection.selections)) token(FRAGMENT_SELECTED);
        else {
          tokenCount = before;
          token(FRAGMENT_SKIPPED);
        }
      } else token(FRAGMENT_SKIPPED);
    }
  }
  return true;
}

export function selectFrom(schema: FederationSchema, source: JsonObject | null, selections: readonly QueryPlanSelectionNode[]): JsonObject | null {
  if (source === null) return null;
  const result = responseObject();
  for (const selection of selections) {
    if (selection.kind === 'Field') {
      const responseName = selection.alias ?? selection.name;
      const nested = selection.selections;
      if (!Object.prototype.hasOwnProperty.call(source, responseName) || source[responseName] === undefined) return null;
      const value = source[responseName];
      if (Array.isArray(value)) result[responseName] = value.map((element: unknown) => (nested ? selectFrom(schema, element as JsonObject | null, nested) : element));
      else if (nested) result[responseName] = selectFrom(schema, value as JsonObject | null, nested);
      else result[responseName] = value;
    } else {
      if (!selection.typeCondition || !source) continue;
      if (isObjectOfType(schema, source, selection.typeCondition)) deepMerge(result, selectFrom(schema, source, selection.selections));
    }
  }
  return result;
}
