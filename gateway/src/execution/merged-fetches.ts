import { Kind, parse, print, stripIgnoredCharacters, visit, type DocumentNode, type FragmentDefinitionNode, type GraphQLFormattedError, type OperationDefinitionNode, type VariableDefinitionNode } from 'graphql';
import type { FetchNode } from '@apollo/query-planner';
import { dedupeRepresentations, expandEntities, type DedupedRepresentations } from '../fetch/entity-dedup';
import type { JsonObject } from './apollo-internals';

/**
 * Several `_entities` fetches to one subgraph, ready at the same time, as one request:
 * fetch i becomes the root field `_i: _entities(representations: $__ri)` (its fragments renamed
 * `…__i`), the client's variables they use are shared, and each fetch's representations are
 * deduplicated on their own (fetch/entity-dedup.ts). The answer is split back into what each
 * fetch would have received: its data under `_entities`, its errors with the path `["_entities", …]`.
 * An error without such a path (the request failed as a whole) goes to every fetch, as each of
 * them would have failed alone.
 */
export interface MergeableFetch {
  fetch: FetchNode;
  representations: JsonObject[];
  /** The representations already deduplicated (execution/representations.ts); undefined: deduplicate here. */
  dedup?: DedupedRepresentations | null;
}

interface MergedOperation {
  query: string;
  operationName: string | undefined;
}

/** A number per fetch node of the cached plans, for a stable order and the key of a merged operation. */
const fetchNumbers = new WeakMap<FetchNode, number>();
let nextFetchNumber = 0;
export const numberOf = (fetch: FetchNode) => {
  let n = fetchNumbers.get(fetch);
  if (n === undefined) fetchNumbers.set(fetch, (n = nextFetchNumber++));
  return n;
};

/** Merged operations by their fetches' numbers; which fetches meet depends on timing, so the set is bounded. */
const operations = new Map<string, MergedOperation>();
const MAX_OPERATIONS = 2000;

/** The batch in a stable order (by plan node), so that the same fetches give the same document. */
export function orderedForMerge<M extends MergeableFetch>(batch: readonly M[]): M[] {
  return [...batch].sort((a, b) => numberOf(a.fetch) - numberOf(b.fetch));
}

export function mergedEntityFetch(members: readonly MergeableFetch[], variables: JsonObject): MergedOperation & { variables: JsonObject; unexpand: (DedupedRepresentations | null)[] } {
  const key = members.map((m) => numberOf(m.fetch)).join(',');
  let operation = operations.get(key);
  if (!operation) {
    operation = mergeOperations(members.map((m) => m.fetch));
    if (operations.size >= MAX_OPERATIONS) operations.clear();
    operations.set(key, operation);
  }
  const merged: JsonObject = { ...variables };
  const unexpand = members.map((member, i) => {
    const dedup = member.dedup !== undefined ? member.dedup : dedupeRepresentations(member.representations);
    merged[`__r${i}`] = dedup ? dedup.unique : member.representations;
    return dedup;
  });
  return { ...operation, variables: merged, unexpand };
}

interface Response {
  data?: JsonObject | null;
  errors?: readonly GraphQLFormattedError[];
  extensions?: JsonObject;
}

export function splitMergedResponse(response: Response, count: number, unexpand: readonly (DedupedRepresentations | null)[]): Response[] {
  const errorsOf: GraphQLFormattedError[][] = Array.from({ length: count }, () => []);
  for (const error of response.errors ?? []) {
    const head = error.path?.[0];
    const index = typeof head === 'string' && /^_\d+$/.test(head) ? Number(head.slice(1)) : -1;
    if (index >= 0 && index < count) errorsOf[index]!.push({ ...error, path: ['_entities', ...error.path!.slice(1)] });
    else for (const list of errorsOf) list.push(error);
  }
  return errorsOf.map((errors, i) => {
    const part: Response = {
      data: response.data ? { _entities: response.data[`_${i}`] } : response.data,
      ...(errors.length ? { errors } : {}),
      ...(response.extensions ? { extensions: response.extensions } : {}),
    };
    const dedup = unexpand[i];
    return dedup ? (expandEntities(part as { data?: { _entities?: unknown } | null; errors?: readonly GraphQLFormattedError[] }, dedup) as Response) : part;
  });
}

function mergeOperations(fetches: readonly FetchNode[]): MergedOperation {
  const variableDefinitions: VariableDefinitionNode[] = [];
  const seenVariables = new Set<string>();
  const fields: OperationDefinitionNode['selectionSet']['selections'][number][] = [];
  const fragments: FragmentDefinitionNode[] = [];
  fetches.forEach((fetch, i) => {
    const document: DocumentNode = fetch.operationDocumentNode ?? parse(fetch.operation);
    const renamed = visit(document, {
      Variable: (node) => (node.name.value === 'representations' ? { ...node, name: { ...node.name, value: `__r${i}` } } : undefined),
      FragmentSpread: (node) => ({ ...node, name: { ...node.name, value: `${node.name.value}__${i}` } }),
      FragmentDefinition: (node) => ({ ...node, name: { ...node.name, value: `${node.name.value}__${i}` } }),
    });
    for (const definition of renamed.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.push(definition);
      if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
      for (const variable of definition.variableDefinitions ?? []) {
        const name = variable.variable.name.value;
        if (seenVariables.has(name)) continue;
        seenVariables.add(name);
        variableDefinitions.push(variable);
      }
      const [root, ...rest] = definition.selectionSet.selections;
      if (!root || rest.length > 0 || root.kind !== Kind.FIELD || root.name.value !== '_entities') throw new Error(`Not an _entities fetch: ${fetch.operation}`);
      fields.push({ ...root, alias: { kind: Kind.NAME, value: `_${i}` } });
    }
  });
  const operationName = fetches[0]!.operationName;
  const document: DocumentNode = {
    kind: Kind.DOCUMENT,
    definitions: [
      {
        kind: Kind.OPERATION_DEFINITION,
        operation: 'query' as OperationDefinitionNode['operation'],
        ...(operationName ? { name: { kind: Kind.NAME, value: operationName } } : {}),
        variableDefinitions,
        selectionSet: { kind: Kind.SELECTION_SET, selections: fields },
      },
      ...fragments,
    ],
  };
  return { query: stripIgnoredCharacters(print(document)), operationName };
}
