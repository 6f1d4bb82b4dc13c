import type { FetchNode, QueryPlanSelectionNode } from '@apollo/query-planner';
import { applyRewrites, deepMerge, isObjectOfType, type FederationSchema, type JsonObject } from './apollo-internals';

/**
 * The `_entities` representations of an entity fetch, built exactly as @apollo/gateway 2.14.4
 * builds them (`executeSelectionSet` over the fetch's `requires`, input rewrites applied, entities
 * without `__typename` left out), with the entity each one came from.
 */
export function representationsFor(schema: FederationSchema, fetch: FetchNode, entities: JsonObject[]): { representations: JsonObject[]; representationToEntity: number[] } {
  const representations: JsonObject[] = [];
  const representationToEntity: number[] = [];
  const requires = fetch.requires!;
  entities.forEach((entity, index) => {
    const representation = selectFrom(schema, entity, requires);
    if (representation && representation.__typename) {
      applyRewrites(schema, fetch.inputRewrites, representation);
      representations.push(representation);
      representationToEntity.push(index);
    }
  });
  return { representations, representationToEntity };
}

function selectFrom(schema: FederationSchema, source: JsonObject | null, selections: readonly QueryPlanSelectionNode[]): JsonObject | null {
  if (source === null) return null;
  const result = Object.create(null) as JsonObject;
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
