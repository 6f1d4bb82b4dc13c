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
 * benchmark query: 465 representations, 27 distinct). Each entity's key is an encoding of exactly
 * what `selectFrom` reads from it, in its order — every value it copies, where it stops at a
 * missing field, each type condition's outcome — so equal keys mean equal representations, and
 * only the first entity of each key has its representation built (and rewritten). Repeated ones
 * share that object in `representations`; `dedup` says which are unique (null: none repeated).
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
  const indexByKey = new Map<string, number>();
  const requires = fetch.requires!;
  for (let index = 0; index < entities.length; index++) {
    const entity = entities[index]!;
    key = '';
    if (!keyFrom(schema, entity, requires)) continue;
    let uniqueIndex = indexByKey.get(key);
    if (uniqueIndex === undefined) {
      const representation = selectFrom(schema, entity, requires);
      if (representation && representation.__typename) {
        applyRewrites(schema, fetch.inputRewrites, representation);
        uniqueIndex = unique.push(representation) - 1;
      } else uniqueIndex = -1;
      indexByKey.set(key, uniqueIndex);
    }
    if (uniqueIndex < 0) continue;
    representations.push(unique[uniqueIndex]!);
    representationToEntity.push(index);
    uniqueIndexOf.push(uniqueIndex);
  }
  return { representations, representationToEntity, dedup: unique.length < representations.length ? { unique, uniqueIndexOf } : null };
}

let key = '';

/**
 * A copied value, self-delimiting: strings (the common case, ids and `__typename`) by length and
 * content — no escaping scan — other scalars by a tag, anything else as JSON.
 */
function leafKey(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return `s${value.length}:${value}`;
    case 'number':
      return `n${value},`;
    case 'boolean':
      return value ? 't' : 'f';
    default:
      return value === null ? 'z' : `j${JSON.stringify(value)},`;
  }
}

/**
 * Appends to `key` what `selectFrom` reads, mirroring its every step; false where it returns null.
 * Values are self-delimiting (leafKey), markers separate the rest; the selections fix the structure.
 * Where selectFrom's outcome does not depend on what it read (a null), neither does the key, so
 * keys are equal exactly when the representations' JSON is.
 */
function keyFrom(schema: FederationSchema, source: JsonObject | null, selections: readonly QueryPlanSelectionNode[]): boolean {
  if (source === null) {
    key += 'N';
    return false;
  }
  const start = key.length;
  for (const selection of selections) {
    if (selection.kind === 'Field') {
      const responseName = selection.alias ?? selection.name;
      const nested = selection.selections;
      if (!Object.prototype.hasOwnProperty.call(source, responseName) || source[responseName] === undefined) {
        // selectFrom gives null here whatever it read before: so does the key.
        key = `${key.slice(0, start)}N`;
        return false;
      }
      const value = source[responseName];
      if (Array.isArray(value)) {
        key += `[${value.length}:`;
        for (const element of value) {
          if (nested) keyFrom(schema, element as JsonObject | null, nested);
          else key += leafKey(element);
        }
        key += ']';
      } else if (nested) {
        key += '{';
        keyFrom(schema, value as JsonObject | null, nested);
        key += '}';
      } else key += leafKey(value);
    } else {
      if (!selection.typeCondition || !source) continue;
      const before = key.length;
      if (isObjectOfType(schema, source, selection.typeCondition)) {
        key += '+';
        // A fragment whose selection gives null merges nothing, as one that does not apply.
        if (keyFrom(schema, source, selection.selections)) key += ';';
        else key = `${key.slice(0, before)}-`;
      } else key += '-';
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
