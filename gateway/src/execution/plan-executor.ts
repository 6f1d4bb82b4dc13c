import { GraphQLError, Kind, executeSync, type GraphQLFormattedError, type DocumentNode, type FieldNode, type VariableDefinitionNode } from 'graphql';
import type { FetchNode, FlattenNode, PlanNode, QueryPlan, ResponsePath } from '@apollo/query-planner';
import {
  applyRewrites,
  computeResponse,
  deepMerge,
  evaluateCondition,
  executeQueryPlanModule,
  federationInternals,
  type FederationOperation,
  type FederationSchema,
  type JsonObject,
  type OperationContext,
} from './apollo-internals';
import { mergedEntityFetch, splitMergedResponse, type MergeableFetch } from './merged-fetches';
import { representationsFor } from './representations';

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

interface Execution {
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
 * Apollo's own executor runs). And one change of strategy: the entity fetches of a `Parallel` node
 * that go to the same subgraph are sent as one request (merged-fetches.ts), as Hive Gateway does;
 * each keeps its own data, errors and paths.
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
  const execution: Execution = { operation, operationContext, serviceMap, requestContext, supergraphSchema, errors: [] };
  const unfilteredData: JsonObject = Object.create(null) as JsonObject;
  if (queryPlan.node) await executeNode(execution, queryPlan.node as PlanNode, { path: [], data: unfilteredData, fullResult: unfilteredData });
  const { errors } = execution;
  const variables = requestContext.request.variables;
  try {
    const { data, errors: postProcessingErrors } = computeResponse({
      operation,
      variables,
      input: unfilteredData,
      introspectionHandling: (f) => introspect(operationContext, f.expandFragments().toSelectionNode() as FieldNode, variables),
    });
    if (errors.length === 0 && postProcessingErrors.length > 0) return { extensions: { valueCompletion: postProcessingErrors }, data };
    return errors.length === 0 ? { data } : { errors, data };
  } catch (error) {
    if (error instanceof GraphQLError) return { errors: [error] };
    if (error instanceof Error) return { errors: [new GraphQLError(error.message, { originalError: error })] };
    return { errors: [new GraphQLError('Unexpected error during query plan execution')] };
  }
}

async function executeNode(execution: Execution, node: PlanNode, cursor: Cursor | undefined): Promise<void> {
  if (!cursor) return;
  switch (node.kind) {
    case 'Sequence':
      for (const child of node.nodes) await executeNode(execution, child, cursor);
      return;
    case 'Parallel':
      await executeParallel(execution, node.nodes, cursor);
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
      throw new Error('@defer support is not available in the gateway');
  }
}

/** Parallel children; entity fetches to one subgraph ride on one request when there are several. */
async function executeParallel(execution: Execution, nodes: PlanNode[], cursor: Cursor): Promise<void> {
  const groups = mergeableGroups(nodes);
  if (groups.size === 0) {
    await Promise.all(nodes.map((child) => executeNode(execution, child, cursor)));
    return;
  }
  const merged = new Set<PlanNode>();
  for (const group of groups.values()) for (const member of group) merged.add(member);
  await Promise.all([
    ...nodes.filter((child) => !merged.has(child)).map((child) => executeNode(execution, child, cursor)),
    ...[...groups.values()].map((group) => executeMergedGroup(execution, group, cursor)),
  ]);
}

type EntityFlatten = FlattenNode & { node: FetchNode & { requires: NonNullable<FetchNode['requires']> } };

const groupsByParallel = new WeakMap<PlanNode[], Map<string, EntityFlatten[]>>();

/** Per `Parallel` node of a cached plan: its `Flatten(Fetch _entities)` children by subgraph, where a subgraph has several. */
function mergeableGroups(nodes: PlanNode[]): Map<string, EntityFlatten[]> {
  let groups = groupsByParallel.get(nodes);
  if (groups) return groups;
  const byService = new Map<string, EntityFlatten[]>();
  for (const child of nodes) {
    if (child.kind !== 'Flatten' || child.node.kind !== 'Fetch') continue;
    const fetch = child.node;
    if (!fetch.requires || fetch.hasDefers || fetch.operationKind !== 'query') continue;
    const list = byService.get(fetch.serviceName) ?? [];
    list.push(child as EntityFlatten);
    byService.set(fetch.serviceName, list);
  }
  groups = new Map([...byService].filter(([, list]) => list.length > 1));
  groupsByParallel.set(nodes, groups);
  return groups;
}

async function executeMergedGroup(execution: Execution, group: EntityFlatten[], cursor: Cursor): Promise<void> {
  const members: (MergeableFetch & { cursor: Cursor; entities: JsonObject[]; representationToEntity: number[] })[] = [];
  for (const flatten of group) {
    const inner = moveIntoCursor(cursor, flatten.path);
    if (!inner) continue;
    const entities = entitiesAt(inner);
    if (entities.length === 0) continue;
    const { representations, representationToEntity } = representationsFor(execution.supergraphSchema, flatten.node, entities);
    if (representations.length === 0) continue;
    members.push({ fetch: flatten.node, representations, cursor: inner, entities, representationToEntity });
  }
  // Fewer than all of them left (the rest had nothing to fetch): each is sent as it was planned.
  if (members.length < group.length) {
    await Promise.all(members.map((m) => executeEntityFetch(execution, m.fetch, m.cursor, m.entities).catch((error: unknown) => void execution.errors.push(error as GraphQLError))));
    return;
  }
  const service = execution.serviceMap[group[0]!.node.serviceName];
  const variables = variablesFor(execution, members.map((m) => m.fetch));
  const { query, operationName, variables: mergedVariables, unexpand } = mergedEntityFetch(group, members, variables);
  let response: Awaited<ReturnType<DataSource['process']>>;
  try {
    if (!service) throw new Error(`Couldn't find service with name "${group[0]!.node.serviceName}"`);
    response = await service.process(processOptions(execution, { query, operationName, variables: mergedVariables }, group[0]!.node, cursor.path));
  } catch (error) {
    // Each planned fetch would have failed on its own: one error each, as stock reports them.
    for (let i = 0; i < members.length; i++) execution.errors.push(error as GraphQLError);
    return;
  }
  // `_entities` is non-null: one fetch failing as a whole (a resolver that throws for the list)
  // nulls the merged answer for all of them. Alone, only that one would have failed: each is
  // then sent as planned, so data and errors are exactly what they would have been.
  if (!response.data) {
    await Promise.all(members.map((m) => executeEntityFetch(execution, m.fetch, m.cursor, m.entities).catch((error: unknown) => void execution.errors.push(error as GraphQLError))));
    return;
  }
  const parts = splitMergedResponse(response, members.length, unexpand);
  members.forEach((member, i) => {
    try {
      receiveEntities(execution, member.fetch, member.cursor, member.entities, member.representations.length, member.representationToEntity, parts[i]!);
    } catch (error) {
      execution.errors.push(error as GraphQLError);
    }
  });
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
  const { representations, representationToEntity } = representationsFor(execution.supergraphSchema, fetch, entities);
  if (representations.length < 1) return;
  const variables = variablesFor(execution, [fetch]);
  if ('representations' in variables) throw new Error('Variables cannot contain key "representations"');
  const response = await service.process(processOptions(execution, { query: fetch.operation, operationName: fetch.operationName, variables: { ...variables, representations } }, fetch, cursor.path));
  receiveEntities(execution, fetch, cursor, entities, representations.length, representationToEntity, response);
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
  const data = flattenResultsAtPath(cursor.data, pathInCursor, 0);
  return data ? { path: cursor.path.concat(pathInCursor), data, fullResult: cursor.fullResult } : undefined;
}

function flattenResultsAtPath(value: unknown, path: ResponsePath, from: number): unknown {
  if (from === path.length) return value;
  if (value === undefined || value === null) return value;
  const current = path[from]!;
  if (current === '@') return (value as unknown[]).flatMap((element) => flattenResultsAtPath(element, path, from + 1));
  if (typeof current !== 'string' || Array.isArray(value)) throw new Error(`Unexpected ${typeof current} found in path`);
  const record = value as JsonObject;
  return flattenResultsAtPath(Object.prototype.hasOwnProperty.call(record, current) ? record[current] : undefined, path, from + 1);
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
