import { GraphQLError, Kind, executeSync, print, type GraphQLFormattedError, type DocumentNode, type FieldNode, type VariableDefinitionNode } from 'graphql';
import type { DeferNode, FetchNode, PlanNode, QueryPlan, ResponsePath } from '@apollo/query-planner';
import {
  applyRewrites,
  evaluateCondition,
  executeQueryPlanModule,
  federationInternals,
  type FederationOperation,
  type FederationSchema,
  type JsonObject,
  type OperationContext,
} from './apollo-internals';
import { mergedEntityFetch, orderedForMerge, splitMergedResponse, type MergeableFetch } from './merged-fetches';
import { representationsFor } from './representations';
import { computeResponse } from './result-shaping';
import { deepMerge } from './deep-merge';
import { deliverDeferred } from './deferred-delivery';
import { selectionSetOf, shapePart } from './deferred-shaping';
import { putSubsequentResults } from './subsequent-results';
import { DEDUPLICATED, dedupeRepresentations, expandEntities } from '../fetch/entity-dedup';
import { responseObject } from './response-object';

/** What the executor needs from a data source: @apollo/gateway's `GraphQLDataSource.process`. */
interface DataSource {
  process(options: object): Promise<{ data?: JsonObject | null; errors?: readonly GraphQLFormattedError[]; extensions?: JsonObject }>;
}

interface RequestContext {
  request: { variables?: JsonObject };
  context: unknown;
  metrics?: { captureTraces?: boolean; nonFtv1ErrorPaths?: { subgraph: string; path: unknown }[] };
}

interface Cursor {
  path: ResponsePath;
  data: unknown;
  fullResult: JsonObject;
}

interface ReadyFetch extends MergeableFetch {
  cursor: Cursor;
  entities: JsonObject[];
  representationToEntity: number[];
}

interface Batches {
  /** Resolves when the fetch's answer is merged in; rejects with the error the fetch failed with. */
  add(ready: ReadyFetch): Promise<void>;
}

interface Execution {
  /** Only in query plans: a mutation's fetches keep their planned order and requests. */
  batches: Batches | undefined;
  operation: FederationOperation;
  operationContext: OperationContext;
  serviceMap: Record<string, DataSource>;
  requestContext: RequestContext;
  supergraphSchema: FederationSchema;
  errors: GraphQLError[];
}

/**
 * Mosaic's executor of Apollo's query plans: the plan is Apollo's (planned and cached by
 * @apollo/gateway), and so are the merge of fetched data (`deepMerge`), data rewrites, error paths
 * and codes, and the shaping of the response (`computeResponse`) — this file is
 * `executeQueryPlan` of @apollo/gateway 2.14.4 without what costs and is not used here: no usage-
 * reporting trace nodes and no OpenTelemetry spans per node (with tracing on, or traces captured,
 * Apollo's own executor runs). And one change of strategy: entity fetches to the same subgraph that
 * become ready together are sent as one request (`fetchBatches`, merged-fetches.ts), as Hive
 * Gateway does; each keeps its own data, errors and paths.
 */
export async function executePlan(
  queryPlan: QueryPlan,
  serviceMap: Record<string, DataSource>,
  requestContext: RequestContext,
  operationContext: OperationContext,
  supergraphSchema: FederationSchema,
  apiSchema: FederationSchema,
): Promise<{ data?: JsonObject | null; errors?: readonly GraphQLError[]; extensions?: JsonObject }> {
  let operation: FederationOperation;
  try {
    operation = federationInternals.operationFromDocument(
      apiSchema,
      { kind: Kind.DOCUMENT, definitions: [operationContext.operation, ...Object.values(operationContext.fragments)] },
      { validate: false },
    );
  } catch (error) {
    if (error instanceof GraphQLError) return { errors: [error] };
    throw error;
  }
  const execution: Execution = { batches: undefined, operation, operationContext, serviceMap, requestContext, supergraphSchema, errors: [] };
  if (operationContext.operation.operation === 'query') execution.batches = fetchBatches(execution);
  const unfilteredData: JsonObject = responseObject();
  const root = { path: [], data: unfilteredData, fullResult: unfilteredData };
  const variables = requestContext.request.variables;
  const introspection = (f: { expandFragments(): { toSelectionNode(): unknown } }) => introspect(operationContext, f.expandFragments().toSelectionNode() as FieldNode, variables);
  const defer = topLevelDefer(execution, queryPlan.node as PlanNode | undefined);
  if (defer) return executeDeferring(execution, defer, root, introspection);
  if (queryPlan.node) await executeNode(execution, queryPlan.node as PlanNode, root);
  const { errors } = execution;
  try {
    const { data, errors: postProcessingErrors } = computeResponse({ operation, variables, input: unfilteredData, introspectionHandling: introspection });
    return withErrors(errors, data, postProcessingErrors);
  } catch (error) {
    return { errors: [asGraphQLError(error)] };
  }
}

/** Apollo's: value-completion errors only when no fetch failed (reportValueCompletionErrors moves them into `errors`). */
function withErrors(errors: GraphQLError[], data: JsonObject | null | undefined, postProcessingErrors: GraphQLError[]) {
  if (errors.length === 0 && postProcessingErrors.length > 0) return { extensions: { valueCompletion: postProcessingErrors }, data };
  return errors.length === 0 ? { data } : { errors, data };
}

function asGraphQLError(error: unknown): GraphQLError {
  if (error instanceof GraphQLError) return error;
  if (error instanceof Error) return new GraphQLError(error.message, { originalError: error });
  return new GraphQLError('Unexpected error during query plan execution');
}

/** The planner puts an operation's @defers in one `DeferNode` at the top, under the `Condition`s of `@defer(if: $var)`. */
function topLevelDefer(execution: Execution, node: PlanNode | undefined): DeferNode | undefined {
  while (node?.kind === 'Condition') node = evaluateCondition(node, execution.operation.variableDefinitions, execution.requestContext.request.variables) ? node.ifClause : node.elseClause;
  return node?.kind === 'Defer' ? node : undefined;
}

/**
 * An operation with @defer: the primary part's fetches, its payload shaped and returned as soon
 * as they are done, and the deferred blocks handed to deferred-delivery.ts, whose payloads the
 * delivery plugin sends after this one (subsequent-results.ts).
 */
async function executeDeferring(execution: Execution, defer: DeferNode, root: Cursor, introspection: (f: { expandFragments(): { toSelectionNode(): unknown } }) => unknown) {
  const { operation, requestContext } = execution;
  const variables = requestContext.request.variables;
  if (defer.primary.node) await executeNode(execution, defer.primary.node, root);
  let initial: { data?: JsonObject | null; errors?: readonly GraphQLError[]; extensions?: JsonObject };
  try {
    const subselection = withRootMetaFields(defer.primary.subselection, execution.operationContext);
    const selectionSet = subselection ? selectionSetOf(defer.primary, operation, operation.selectionSet.parentType, subselection) : undefined;
    const shaped = selectionSet ? shapePart(operation, selectionSet, root.data as JsonObject, [], variables, introspection) : { data: responseObject(), errors: [] };
    initial = withErrors(execution.errors, shaped.data, shaped.errors);
  } catch (error) {
    return { errors: [asGraphQLError(error)] };
  }
  const deferred = deliverDeferred(
    {
      operation,
      variables,
      unfilteredData: root.data as JsonObject,
      introspect: introspection,
      execute: async (node, errors) => {
        // Each block has its own errors, and its own batches: its fetches merge with each other only.
        const block: Execution = { ...execution, errors };
        if (execution.batches) block.batches = fetchBatches(block);
        await executeNode(block, node, root);
      },
      evaluate: (condition) => evaluateCondition(condition, operation.variableDefinitions, variables),
    },
    initial.data ?? null,
    defer.deferred,
  );
  if (requestContext.context && typeof requestContext.context === 'object') putSubsequentResults(requestContext.context, deferred);
  return initial;
}

/**
 * The planner's primary `subselection` has no root `__typename`, `__schema` or `__type` (no fetch
 * selects them); the client's root meta fields outside deferred fragments are added back, so the
 * first payload shapes them as a response without @defer would.
 */
function withRootMetaFields(subselection: string | undefined, operationContext: OperationContext): string | undefined {
  const meta = operationContext.operation.selectionSet.selections.filter((s): s is FieldNode => s.kind === Kind.FIELD && s.name.value.startsWith('__'));
  if (meta.length === 0) return subselection;
  const fields = meta.map((field) => print(field)).join(' ');
  return subselection ? `{ ${fields} ${subselection.trim().slice(1)}` : `{ ${fields} }`;
}

async function executeNode(execution: Execution, node: PlanNode, cursor: Cursor | undefined): Promise<void> {
  if (!cursor) return;
  switch (node.kind) {
    case 'Sequence':
      for (const child of node.nodes) await executeNode(execution, child, cursor);
      return;
    case 'Parallel':
      await Promise.all(node.nodes.map((child) => executeNode(execution, child, cursor)));
      return;
    case 'Flatten':
      await executeNode(execution, node.node, moveIntoCursor(cursor, node.path));
      return;
    case 'Fetch':
      try {
        await executeFetch(execution, node, cursor);
      } catch (error) {
        execution.errors.push(error as GraphQLError);
      }
      return;
    case 'Condition': {
      const branch = evaluateCondition(node, execution.operation.variableDefinitions, execution.requestContext.request.variables) ? node.ifClause : node.elseClause;
      if (branch) await executeNode(execution, branch, cursor);
      return;
    }
    case 'Defer':
      // Only ever at the top of a plan (see topLevelDefer), or as a deferred block's own node.
      throw new Error('A @defer inside a query plan node cannot be delivered.');
  }
}

async function executeFetch(execution: Execution, fetch: FetchNode, cursor: Cursor): Promise<void> {
  const service = execution.serviceMap[fetch.serviceName];
  if (!service) throw new Error(`Couldn't find service with name "${fetch.serviceName}"`);
  const entities = entitiesAt(cursor);
  if (entities.length < 1) return;
  if (!fetch.requires) {
    const response = await service.process(processOptions(execution, { query: fetch.operation, operationName: fetch.operationName, variables: variablesFor(execution, [fetch]) }, fetch, cursor.path));
    const data = receive(execution, fetch, cursor, response);
    if (data) applyRewrites(execution.supergraphSchema, fetch.outputRewrites, data);
    for (const entity of entities) deepMerge(entity, data);
    return;
  }
  await executeEntityFetch(execution, fetch, cursor, entities);
}

async function executeEntityFetch(execution: Execution, fetch: FetchNode, cursor: Cursor, entities: JsonObject[]): Promise<void> {
  const service = execution.serviceMap[fetch.serviceName];
  if (!service) throw new Error(`Couldn't find service with name "${fetch.serviceName}"`);
  const { representations, representationToEntity, dedup } = representationsFor(execution.supergraphSchema, fetch, entities);
  if (representations.length < 1) return;
  const variables = variablesFor(execution, [fetch]);
  if ('representations' in variables) throw new Error('Variables cannot contain key "representations"');
  const ready: ReadyFetch = { fetch, cursor, entities, representations, representationToEntity, dedup };
  if (execution.batches) {
    await execution.batches.add(ready);
    return;
  }
  await sendEntityFetch(execution, service, ready);
}

/** One entity fetch as planned, alone in its request. */
async function sendEntityFetch(execution: Execution, service: DataSource, ready: ReadyFetch): Promise<void> {
  const { fetch, cursor } = ready;
  const dedup = ready.dedup !== undefined ? ready.dedup : dedupeRepresentations(ready.representations);
  const variables = { ...variablesFor(execution, [fetch]), representations: dedup ? dedup.unique : ready.representations };
  DEDUPLICATED.add(variables);
  const response = await service.process(processOptions(execution, { query: fetch.operation, operationName: fetch.operationName, variables }, fetch, cursor.path));
  receiveEntities(execution, fetch, cursor, ready.entities, ready.representations.length, ready.representationToEntity, dedup ? expandEntities(response, dedup) : response);
}

/**
 * Entity fetches of one query plan execution that become ready in the same turn of the event
 * loop — siblings of a `Parallel`, the first fetches of parallel `Sequence`s, the fetches that
 * follow one merged answer — wait for the end of that turn; those to the same subgraph then go
 * as one request (merged-fetches.ts). One alone goes exactly as planned.
 */
function fetchBatches(execution: Execution): Batches {
  const pending = new Map<string, { ready: ReadyFetch; done: { resolve(): void; reject(error: unknown): void } }[]>();
  const flush = (serviceName: string) => {
    const batch = pending.get(serviceName)!;
    pending.delete(serviceName);
    const service = execution.serviceMap[serviceName]!;
    if (batch.length === 1) {
      const [only] = batch;
      sendEntityFetch(execution, service, only!.ready).then(only!.done.resolve, only!.done.reject);
      return;
    }
    sendMerged(execution, service, batch.map((b) => b.ready)).then(
      (outcomes) => outcomes.forEach((outcome, i) => (outcome.error === undefined ? batch[i]!.done.resolve() : batch[i]!.done.reject(outcome.error))),
      (error: unknown) => batch.forEach((b) => b.done.reject(error)),
    );
  };
  return {
    add(ready) {
      return new Promise<void>((resolve, reject) => {
        const serviceName = ready.fetch.serviceName;
        let batch = pending.get(serviceName);
        if (!batch) {
          pending.set(serviceName, (batch = []));
          setImmediate(flush, serviceName);
        }
        batch.push({ ready, done: { resolve, reject } });
      });
    },
  };
}

/** Several ready entity fetches to one subgraph in one request; per fetch, the error it failed with (if any). */
async function sendMerged(execution: Execution, service: DataSource, batch: ReadyFetch[]): Promise<{ error?: unknown }[]> {
  const members = orderedForMerge(batch);
  const variables = variablesFor(execution, members.map((m) => m.fetch));
  const { query, operationName, variables: mergedVariables, unexpand } = mergedEntityFetch(members, variables);
  DEDUPLICATED.add(mergedVariables);
  let response: Awaited<ReturnType<DataSource['process']>>;
  try {
    response = await service.process(processOptions(execution, { query, operationName, variables: mergedVariables }, members[0]!.fetch, members[0]!.cursor.path));
  } catch (error) {
    // Each planned fetch would have failed on its own: one error each, as stock reports them.
    return batch.map(() => ({ error }));
  }
  const outcomes = new Map<ReadyFetch, { error?: unknown }>();
  const settle = (member: ReadyFetch, part: Awaited<ReturnType<DataSource['process']>>) => {
    try {
      receiveEntities(execution, member.fetch, member.cursor, member.entities, member.representations.length, member.representationToEntity, part);
      outcomes.set(member, {});
    } catch (error) {
      outcomes.set(member, { error });
    }
  };
  if (!response.data) {
    // `_entities` is non-null: a fetch failing as a whole (a resolver that throws for the list)
    // nulls the merged answer for all. The fetches that failed so — an error at `_i` itself — get
    // exactly what they would have alone (no data, their errors); the others are sent again
    // without them. Errors that name no fetch leave no way to tell: each is then sent alone.
    const failed = members.map((_, i) => (response.errors ?? []).some((e) => e.path?.length === 1 && e.path[0] === `_${i}`));
    const parts = splitMergedResponse(response, members.length, unexpand);
    const others = members.filter((_, i) => !failed[i]);
    if (others.length === members.length) {
      await Promise.all(members.map((m) => sendEntityFetch(execution, service, m).then(() => outcomes.set(m, {}), (error: unknown) => outcomes.set(m, { error }))));
      return batch.map((m) => outcomes.get(m)!);
    }
    members.forEach((member, i) => failed[i] && settle(member, parts[i]!));
    if (others.length === 1) await sendEntityFetch(execution, service, others[0]!).then(() => outcomes.set(others[0]!, {}), (error: unknown) => outcomes.set(others[0]!, { error }));
    else if (others.length > 1) (await sendMerged(execution, service, others)).forEach((outcome, i) => outcomes.set(others[i]!, outcome));
    return batch.map((m) => outcomes.get(m)!);
  }
  const parts = splitMergedResponse(response, members.length, unexpand);
  members.forEach((member, i) => settle(member, parts[i]!));
  return batch.map((m) => outcomes.get(m)!);
}

/** Apollo's handling of an `_entities` answer: checks, `__typename` filled in, rewrites, merged into each entity. */
function receiveEntities(
  execution: Execution,
  fetch: FetchNode,
  cursor: Cursor,
  entities: JsonObject[],
  sent: number,
  representationToEntity: number[],
  response: Awaited<ReturnType<DataSource['process']>>,
): void {
  const data = receive(execution, fetch, cursor, response);
  if (!data) return;
  const received = data._entities;
  if (!Array.isArray(received)) throw new Error('Expected "data._entities" in response to be an array');
  if (received.length !== sent) throw new Error(`Expected "data._entities" to contain ${sent} elements`);
  // (Apollo iterates over the entities' count here, not the representations'; kept as it is.)
  for (let i = 0; i < entities.length; i++) {
    const receivedEntity = received[i] as JsonObject | null | undefined;
    const existing = entities[representationToEntity[i]!];
    if (receivedEntity && !receivedEntity.__typename) receivedEntity.__typename = existing?.__typename;
    applyRewrites(execution.supergraphSchema, fetch.outputRewrites, receivedEntity);
    deepMerge(existing, receivedEntity);
  }
}

/** A fetch's errors, at their paths in the client's response, into the execution; its data back. */
function receive(execution: Execution, fetch: FetchNode, cursor: Cursor, response: Awaited<ReturnType<DataSource['process']>>): JsonObject | null | undefined {
  if (response.errors) {
    const pathOf = lazyErrorPaths(fetch, cursor);
    execution.errors.push(...response.errors.map((error) => downstreamServiceError(error, fetch.serviceName, pathOf)));
    if (!response.extensions?.ftv1) {
      const metrics = execution.requestContext.metrics;
      const errorPaths = response.errors.map((error) => ({ subgraph: fetch.serviceName, path: error.path }));
      if (metrics?.nonFtv1ErrorPaths) metrics.nonFtv1ErrorPaths.push(...errorPaths);
      else if (metrics) metrics.nonFtv1ErrorPaths = errorPaths;
    }
  }
  return response.data;
}

function processOptions(execution: Execution, request: { query: string; operationName: string | undefined; variables: JsonObject }, fetch: FetchNode, path: ResponsePath): object {
  return {
    kind: 'incoming operation',
    request,
    incomingRequestContext: execution.requestContext,
    context: execution.requestContext.context,
    document: fetch.operationDocumentNode,
    pathInIncomingRequest: path,
  };
}

/** The client's variables the fetches use (Apollo: only those defined and not undefined). */
function variablesFor(execution: Execution, fetches: FetchNode[]): JsonObject {
  const variables: JsonObject = Object.create(null) as JsonObject;
  const provided = execution.requestContext.request.variables;
  if (!provided) return variables;
  for (const fetch of fetches) {
    for (const name of fetch.variableUsages ?? []) {
      if (Object.prototype.hasOwnProperty.call(provided, name) && provided[name] !== undefined) variables[name] = provided[name];
    }
  }
  return variables;
}

function entitiesAt(cursor: Cursor): JsonObject[] {
  if (Array.isArray(cursor.data)) return (cursor.data as unknown[]).filter((e): e is JsonObject => e !== null && e !== undefined);
  return [cursor.data as JsonObject];
}

function moveIntoCursor(cursor: Cursor, pathInCursor: ResponsePath): Cursor | undefined {
  const data = pathInCursor.includes('@') ? collectAtPath(cursor.data, pathInCursor) : valueAtPath(cursor.data, pathInCursor);
  return data ? { path: cursor.path.concat(pathInCursor), data, fullResult: cursor.fullResult } : undefined;
}

/** Apollo's `flattenResultsAtPath` for a path without `@`. */
function valueAtPath(value: unknown, path: ResponsePath): unknown {
  for (const key of path) {
    if (value === undefined || value === null) return value;
    if (typeof key !== 'string' || Array.isArray(value)) throw new Error(`Unexpected ${typeof key} found in path`);
    value = Object.prototype.hasOwnProperty.call(value, key) ? (value as JsonObject)[key] : undefined;
  }
  return value;
}

/**
 * Apollo's `flattenResultsAtPath` with `@` in the path, into one array without the intermediate
 * arrays its `flatMap` makes at each level. The same values in the same order: a null before the
 * first `@` is the result, nulls after it are kept, and an array found at the end is spread (as
 * `flatMap` spreads it).
 */
function collectAtPath(root: unknown, path: ResponsePath): unknown {
  const first = path.indexOf('@');
  const list = valueAtPath(root, path.slice(0, first));
  if (list === undefined || list === null) return list;
  const out: unknown[] = [];
  const walk = (value: unknown, from: number): void => {
    for (let i = from; i < path.length; i++) {
      if (value === undefined || value === null) break;
      const key = path[i]!;
      if (key === '@') {
        for (const element of value as unknown[]) walk(element, i + 1);
        return;
      }
      if (typeof key !== 'string' || Array.isArray(value)) throw new Error(`Unexpected ${typeof key} found in path`);
      value = Object.prototype.hasOwnProperty.call(value, key) ? (value as JsonObject)[key] : undefined;
    }
    if (Array.isArray(value)) for (const element of value) out.push(element);
    else out.push(value);
  };
  for (const element of list as unknown[]) walk(element, first + 1);
  return out;
}

function lazyErrorPaths(fetch: FetchNode, cursor: Cursor): (errorPath: readonly (string | number)[] | undefined) => (string | number)[] | undefined {
  let hydrated: (string | number)[][] | undefined;
  return (errorPath) => {
    if (fetch.requires && typeof errorPath?.[1] === 'number') {
      if (!hydrated) {
        hydrated = [];
        executeQueryPlanModule.generateHydratedPaths([], cursor.path, cursor.fullResult, hydrated);
      }
      return [...(hydrated[errorPath[1]] ?? []), ...errorPath.slice(2)];
    }
    return errorPath ? [...cursor.path, ...errorPath] : undefined;
  };
}

function downstreamServiceError(original: GraphQLFormattedError, serviceName: string, pathOf: (path: readonly (string | number)[] | undefined) => (string | number)[] | undefined): GraphQLError {
  const message = original.message || `Error while fetching subquery from service "${serviceName}"`;
  const { extensions } = original;
  const options = { originalError: original, path: pathOf(original.path), extensions: { ...extensions, serviceName } };
  const codeDef = federationInternals.errorCodeDef(original);
  if (!codeDef && extensions?.code) return new GraphQLError(message, options as never);
  return (codeDef ?? federationInternals.ERRORS.DOWNSTREAM_SERVICE_ERROR).err(message, options);
}

function introspect(operationContext: OperationContext, selection: FieldNode, variables: JsonObject | undefined): unknown {
  const used = new Set<string>();
  collectVariables(selection, used);
  const definitions = (operationContext.operation.variableDefinitions ?? []).filter((d: VariableDefinitionNode) => used.has(d.variable.name.value));
  const document: DocumentNode = {
    kind: Kind.DOCUMENT,
    definitions: [{ kind: Kind.OPERATION_DEFINITION, operation: 'query' as never, variableDefinitions: definitions, selectionSet: { kind: Kind.SELECTION_SET, selections: [selection] } }],
  };
  const { data, errors } = executeSync({ schema: operationContext.schema, document, rootValue: {}, variableValues: variables });
  if (errors?.length || !data) throw new Error(`Introspection query for ${JSON.stringify(selection)} should not have failed but got ${JSON.stringify(errors)}`);
  const key = selection.alias?.value ?? selection.name.value;
  return Object.prototype.hasOwnProperty.call(data, key) ? data[key] : undefined;
}

function collectVariables(node: unknown, into: Set<string>): void {
  if (Array.isArray(node)) {
    for (const child of node) collectVariables(child, into);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const record = node as { kind?: string; name?: { value: string } };
  if (record.kind === Kind.VARIABLE && record.name) into.add(record.name.value);
  for (const key in record) if (key !== 'loc') collectVariables((record as Record<string, unknown>)[key], into);
}
