import type { GraphQLFormattedError } from 'graphql';
import { copyJson } from './copy-json';

/**
 * Deduplicated `_entities` fetches. Query plans often send the same entity many times in one
 * fetch (every review's author, every product's reviews…); each representation is sent once and
 * the answers are expanded back, so the response the executor sees is exactly the one the
 * subgraph would have given for the full list. The rules that keep it exact:
 * 1. Duplicates are equal representations as a whole (typename, keys, every @requires field) —
 *    never the keys alone. They are compared by their JSON: the executor builds every
 *    representation of a fetch from the same selection, so equal ones serialise equally (two equal
 *    values in a different key order would merely not be merged, which stays correct).
 * 2. Only inside one planner `_entities` fetch (the caller checks that), never user variables.
 * 3. If the subgraph returns a different number of entities than were sent, nothing is expanded:
 *    the executor then reports the mismatch exactly as it would have.
 * 4. Every result, null included, goes back to every position that asked for it.
 * 5. An error at ["_entities", j, …] is reported at every position that mapped to j.
 * 6. Every repeated position gets its own copy: the executor merges into these objects.
 */
export interface DedupedRepresentations {
  unique: unknown[];
  /** For each original position, the index of its representation in `unique`. */
  uniqueIndexOf: number[];
}

/**
 * Variables whose representations the plan executor has already deduplicated (it does, for every
 * entity fetch, whatever the other variables): the data source does not look at them again.
 */
export const DEDUPLICATED = new WeakSet<object>();

export function dedupeRepresentations(representations: readonly unknown[]): DedupedRepresentations | null {
  const indexByKey = new Map<string, number>();
  const unique: unknown[] = [];
  const uniqueIndexOf = representations.map((representation) => {
    const key = JSON.stringify(representation);
    let index = indexByKey.get(key);
    if (index === undefined) {
      index = unique.push(representation) - 1;
      indexByKey.set(key, index);
    }
    return index;
  });
  return unique.length < representations.length ? { unique, uniqueIndexOf } : null;
}

interface EntitiesResponse {
  data?: { _entities?: unknown } | null;
  errors?: readonly GraphQLFormattedError[];
}

export function expandEntities<R extends EntitiesResponse>(response: R, dedup: DedupedRepresentations): R {
  const entities = response.data?._entities;
  if (!Array.isArray(entities) || entities.length !== dedup.unique.length) return response;
  const used = new Uint8Array(dedup.unique.length);
  const expanded = dedup.uniqueIndexOf.map((j) => {
    if (used[j]) return copyJson(entities[j]);
    used[j] = 1;
    return entities[j];
  });
  return { ...response, data: { ...response.data, _entities: expanded }, ...(response.errors ? { errors: expandErrors(response.errors, dedup) } : {}) };
}

function expandErrors(errors: readonly GraphQLFormattedError[], dedup: DedupedRepresentations): GraphQLFormattedError[] {
  const positionsOf = new Map<number, number[]>();
  dedup.uniqueIndexOf.forEach((j, i) => {
    const positions = positionsOf.get(j);
    if (positions) positions.push(i);
    else positionsOf.set(j, [i]);
  });
  const entityErrors: { position: number; error: GraphQLFormattedError }[] = [];
  const others: GraphQLFormattedError[] = [];
  for (const error of errors) {
    const [head, j, ...rest] = error.path ?? [];
    const positions = head === '_entities' && typeof j === 'number' ? positionsOf.get(j) : undefined;
    if (!positions) {
      others.push(error);
      continue;
    }
    for (const position of positions) entityErrors.push({ position, error: { ...error, path: ['_entities', position, ...rest] } });
  }
  // The subgraph would have reported them in list order: keep that order after fanning out.
  entityErrors.sort((a, b) => a.position - b.position);
  return [...others, ...entityErrors.map((e) => e.error)];
}
