import type { GraphQLError } from 'graphql';
import type { ConditionNode, DeferredNode, PlanNode } from '@apollo/query-planner';
import { deepMerge, federationInternals, type FederationOperation, type FederationType, type JsonObject } from './apollo-internals';
import { selectionSetOf, shapePart, typeAtQueryPath, type Introspect } from './deferred-shaping';
import { responseObject } from './response-object';

/** One deferred fragment's data at one place in the response (the 2022-08-24 incremental format). */
export interface IncrementalEntry {
  data: JsonObject | null;
  path: (string | number)[];
  label?: string;
  errors?: GraphQLError[];
}

/** A payload after the first: `{ incremental: [...], hasNext }`; the last one has `hasNext: false`. */
export interface SubsequentResult {
  incremental?: IncrementalEntry[];
  hasNext: boolean;
}

export interface DeferredExecution {
  operation: FederationOperation;
  variables: JsonObject | undefined;
  /** The executor's unfiltered data: deferred fetches merge into it as primary ones did. */
  unfilteredData: JsonObject;
  introspect: Introspect;
  /** Runs a plan node from the root, its errors (at their response paths) into `errors`. */
  execute(node: PlanNode, errors: GraphQLError[]): Promise<void>;
  evaluate(condition: ConditionNode): boolean;
}

/**
 * The deferred blocks of a `DeferNode`, run once the primary payload is shaped (their fetches
 * depend only on primary fetches, which are then done). Each block's payload is sent when its
 * fetches are done, so blocks arrive in the order they finish; a block nested in another (a
 * `DeferNode` as a deferred node) starts once its parent's payload is out. A block yields one
 * entry per place its fragment applies — per list element for a fragment inside a list; none where
 * the parent is null in what the client has. Non-null violations inside a fragment null that
 * entry's `data`, never the payloads already sent. Errors go with the entry whose path they are under.
 */
export function deliverDeferred(execution: DeferredExecution, initialData: JsonObject | null, blocks: readonly DeferredNode[]): AsyncIterable<SubsequentResult> {
  // What the client has so far: where later fragments apply is read from it.
  const sent: JsonObject = initialData ? (copy(initialData) as JsonObject) : responseObject();
  const ready: SubsequentResult[] = [];
  let wake: (() => void) | undefined;
  let running = 0;

  const start = (block: DeferredNode) => {
    running++;
    runBlock(block).then(
      (result) => finish(result.entries, result.nested),
      // A failure of the executor itself (not a subgraph's error, which stays in the payload).
      (error: unknown) => finish(failedEntries(block, error), []),
    );
  };
  const finish = (entries: IncrementalEntry[], nested: readonly DeferredNode[]) => {
    for (const entry of entries) if (entry.data) mergeAt(sent, entry.path, entry.data);
    for (const child of nested) start(child);
    running--;
    const hasNext = running > 0;
    if (entries.length > 0 || !hasNext) ready.push(entries.length > 0 ? { incremental: entries, hasNext } : { hasNext });
    wake?.();
  };

  const runBlock = async (block: DeferredNode): Promise<{ entries: IncrementalEntry[]; nested: readonly DeferredNode[] }> => {
    const errors: GraphQLError[] = [];
    const planned = resolveConditions(block.node, execution);
    // A deferred block that holds @defers of its own: its payload is that node's primary part.
    const inner = planned?.kind === 'Defer' ? planned : undefined;
    const node = inner ? resolveConditions(inner.primary.node, execution) : planned;
    if (node) await execution.execute(node, errors);
    const subselection = inner ? inner.primary.subselection : block.subselection;
    return { entries: shapeBlock(block, inner?.primary ?? block, subselection, errors), nested: inner?.deferred ?? [] };
  };

  const shapeBlock = (block: DeferredNode, shapingNode: object, subselection: string | undefined, errors: GraphQLError[]): IncrementalEntry[] => {
    const places = placesOf(sent, execution, block.queryPath);
    if (places.length === 0) return [];
    const parentType = typeAtQueryPath(execution.operation, block.queryPath);
    const selectionSet = subselection ? selectionSetOf(shapingNode, execution.operation, parentType, subselection) : undefined;
    const shapingErrors: GraphQLError[][] = [];
    const entries: IncrementalEntry[] = places.map((path) => {
      const input = valueAt(execution.unfilteredData, path);
      const shaped = selectionSet && input && typeof input === 'object' ? shapePart(execution.operation, selectionSet, input as JsonObject, path, execution.variables, execution.introspect) : { data: responseObject(), errors: [] };
      shapingErrors.push(shaped.errors);
      return { data: shaped.data, path, ...(block.label !== undefined ? { label: block.label } : {}) };
    });
    // Subgraph errors go with the entry whose path they are under (one without a path, a fetch that
    // failed as a whole, with the first). Apollo's rule for a whole response, here per entry: its
    // value-completion errors are shown only when no subgraph error explains its nulls.
    const fetchErrors = entries.map((): GraphQLError[] => []);
    for (const error of errors) fetchErrors[entryIndexFor(entries, error.path) ?? 0]!.push(error);
    entries.forEach((entry, i) => {
      const own = fetchErrors[i]!.length > 0 ? fetchErrors[i]! : shapingErrors[i]!;
      if (own.length > 0) entry.errors = own;
    });
    return entries;
  };

  const failedEntries = (block: DeferredNode, error: unknown): IncrementalEntry[] => {
    const places = placesOf(sent, execution, block.queryPath);
    const asError = federationInternals.ERRORS.DOWNSTREAM_SERVICE_ERROR.err(error instanceof Error ? error.message : String(error), {});
    return places.map((path) => ({ data: null, path, ...(block.label !== undefined ? { label: block.label } : {}), errors: [asError] }));
  };

  for (const block of blocks) start(block);
  if (blocks.length === 0) ready.push({ hasNext: false });
  return {
    async *[Symbol.asyncIterator]() {
      for (;;) {
        while (ready.length === 0) await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
        const result = ready.shift()!;
        yield result;
        if (!result.hasNext) return;
      }
    },
  };
}

function resolveConditions(node: PlanNode | undefined, execution: DeferredExecution): PlanNode | undefined {
  while (node?.kind === 'Condition') node = execution.evaluate(node) ? node.ifClause : node.elseClause;
  return node;
}

/** The concrete response paths a `queryPath` reaches in what was sent: lists expanded, nulls dropped, `... on T` filtering by type. */
function placesOf(sent: JsonObject, execution: DeferredExecution, queryPath: readonly string[]): (string | number)[][] {
  let places: { path: (string | number)[]; value: unknown }[] = [{ path: [], value: sent }];
  for (const step of queryPath) {
    const next: typeof places = [];
    for (const place of places) {
      if (step.startsWith('... on ')) {
        if (isOfType(execution, valueAt(execution.unfilteredData, place.path), step.slice('... on '.length))) next.push(place);
        continue;
      }
      const value = (place.value as JsonObject)[step];
      spread(value, [...place.path, step], next);
    }
    places = next;
  }
  return places.map((place) => place.path);
}

function spread(value: unknown, path: (string | number)[], into: { path: (string | number)[]; value: unknown }[]): void {
  if (value === null || value === undefined) return;
  if (Array.isArray(value)) {
    value.forEach((element, i) => spread(element, [...path, i], into));
    return;
  }
  into.push({ path, value });
}

function isOfType(execution: DeferredExecution, value: unknown, typeName: string): boolean {
  const typename = value && typeof value === 'object' ? (value as JsonObject).__typename : undefined;
  if (typeof typename !== 'string') return true;
  const schema = execution.operation.schema() as { type(name: string): FederationType | undefined };
  const condition = schema.type(typeName);
  const runtime = schema.type(typename);
  return !!condition && !!runtime && federationInternals.isSubtype(condition, runtime);
}

function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  let value = root;
  for (const key of path) {
    if (value === null || value === undefined || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}

function mergeAt(root: JsonObject, path: readonly (string | number)[], data: JsonObject): void {
  const target = valueAt(root, path);
  if (target && typeof target === 'object') deepMerge(target, copy(data));
}

/** The deepest entry whose path the error's path starts with. */
function entryIndexFor(entries: IncrementalEntry[], errorPath: readonly (string | number)[] | undefined): number | undefined {
  if (!errorPath) return undefined;
  let best: number | undefined;
  entries.forEach((entry, i) => {
    const under = entry.path.length <= errorPath.length && entry.path.every((key, k) => errorPath[k] === key);
    if (under && (best === undefined || entry.path.length > entries[best]!.path.length)) best = i;
  });
  return best;
}

function copy(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value)) as unknown;
}
