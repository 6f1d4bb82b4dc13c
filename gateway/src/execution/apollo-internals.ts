import { createRequire } from 'node:module';
import type { GraphQLError, GraphQLSchema, OperationDefinitionNode, FragmentDefinitionNode } from 'graphql';
import type { FetchDataRewrite, ConditionNode, QueryPlan } from '@apollo/query-planner';

/**
 * The pieces of @apollo/gateway 2.14.4 (pinned; see fetch/federation-internals-pin.ts) that the
 * plan executor reuses so that its semantics stay Apollo's: result shaping, data rewrites, the
 * merge of fetched data, condition evaluation and error codes. Loaded from the package's own
 * files, which is why the version is pinned. They are loaded by `loadApolloInternals()` (ES module
 * live bindings), not on import: federation-fast-paths.ts must reshape federation-internals
 * before any of @apollo/gateway's modules load it.
 */
const require = createRequire(import.meta.url);

export type JsonObject = Record<string, unknown>;

export interface OperationContext {
  schema: GraphQLSchema;
  operation: OperationDefinitionNode;
  fragments: Record<string, FragmentDefinitionNode>;
}

/** federation-internals' `Operation` and `Schema`, only as the executor passes them on. */
export interface FederationOperation {
  variableDefinitions: unknown;
  selectionSet: FederationSelectionSet;
  rootKind: string;
  fragments?: unknown;
  schema(): FederationSchema;
  collectDefaultedVariableValues(): JsonObject;
}
export type FederationSchema = object;
/** The few federation-internals types that defer.ts walks. */
export interface FederationType {
  name: string;
  kind: string;
}
export interface FederationSelectionSet {
  parentType: FederationType;
  selections(): readonly FederationSelection[];
}
export type FederationSelection =
  | { kind: 'FieldSelection'; element: { responseName(): string; definition: { type: unknown } }; selectionSet?: FederationSelectionSet }
  | { kind: 'FragmentSelection'; element: { typeCondition?: FederationType }; selectionSet: FederationSelectionSet };

export interface ComputedResponse {
  data: JsonObject | null | undefined;
  errors: GraphQLError[];
}

export type ExecuteQueryPlan = (
  queryPlan: QueryPlan,
  serviceMap: Record<string, unknown>,
  requestContext: unknown,
  operationContext: OperationContext,
  supergraphSchema: FederationSchema,
  apiSchema: FederationSchema,
  telemetryConfig: unknown,
) => Promise<{ data?: JsonObject | null; errors?: readonly GraphQLError[]; extensions?: JsonObject }>;

interface ErrorCodeDefinition {
  err(message: string, options: object): GraphQLError;
}

export interface ExecuteQueryPlanModule {
  executeQueryPlan: ExecuteQueryPlan;
  generateHydratedPaths(parent: (string | number)[], path: (string | number)[], data: unknown, result: (string | number)[][]): void;
}
type ComputeResponse = (input: {
  operation: FederationOperation;
  variables: JsonObject | undefined;
  input: JsonObject;
  introspectionHandling(selection: { expandFragments(): { toSelectionNode(): unknown } }): unknown;
}) => ComputedResponse;
type ApplyRewrites = (schema: FederationSchema, rewrites: FetchDataRewrite[] | undefined, value: unknown) => void;
type IsObjectOfType = (schema: FederationSchema, obj: JsonObject, typeCondition: string) => boolean;
type DeepMerge = (target: unknown, source: unknown) => unknown;
type EvaluateCondition = (node: ConditionNode, variableDefinitions: unknown, variables: JsonObject | undefined) => boolean;
interface FederationInternals {
  operationFromDocument(schema: FederationSchema, document: object, options: { validate: boolean }): FederationOperation;
  parseSelectionSet(options: { parentType: FederationType; source: string; fragments?: unknown; validate?: boolean }): FederationSelectionSet;
  baseType(type: unknown): FederationType;
  isSubtype(maybeSupertype: FederationType, maybeSubtype: FederationType): boolean;
  errorCodeDef(error: unknown): ErrorCodeDefinition | undefined;
  ERRORS: { DOWNSTREAM_SERVICE_ERROR: ErrorCodeDefinition; INVALID_GRAPHQL: ErrorCodeDefinition };
  Variable: abstract new (...args: never[]) => { name: string };
  isValidLeafValue(schema: unknown, value: unknown, type: unknown): boolean;
}

export let executeQueryPlanModule: ExecuteQueryPlanModule;
export let computeResponse: ComputeResponse;
export let applyRewrites: ApplyRewrites;
export let isObjectOfType: IsObjectOfType;
export let deepMerge: DeepMerge;
export let evaluateCondition: EvaluateCondition;
export let federationInternals: FederationInternals;

export function loadApolloInternals(): void {
  if (executeQueryPlanModule) return;
  executeQueryPlanModule = require('@apollo/gateway/dist/executeQueryPlan') as ExecuteQueryPlanModule;
  ({ computeResponse } = require('@apollo/gateway/dist/resultShaping') as { computeResponse: ComputeResponse });
  ({ applyRewrites, isObjectOfType } = require('@apollo/gateway/dist/dataRewrites') as { applyRewrites: ApplyRewrites; isObjectOfType: IsObjectOfType });
  ({ deepMerge } = require('@apollo/gateway/dist/utilities/deepMerge') as { deepMerge: DeepMerge });
  ({ evaluateCondition } = require('@apollo/query-planner') as { evaluateCondition: EvaluateCondition });
  federationInternals = require('@apollo/federation-internals') as FederationInternals;
}
