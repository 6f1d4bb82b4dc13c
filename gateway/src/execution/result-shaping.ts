import type { GraphQLError } from 'graphql';
import { federationInternals, type ComputedResponse, type FederationOperation, type FederationSelectionSet, type JsonObject } from './apollo-internals';
import { responseObject } from './response-object';

/**
 * @apollo/gateway 2.14.4's `computeResponse` (resultShaping.js), step for step: the same walk
 * over the operation's selection sets, the same null propagation, `__typename` resolution, type
 * conditions, value checks, error messages, paths and order. What differs is only what it costs:
 * - what Apollo recomputes on every request for every selection — response name, `@skip` /
 *   `@include` arguments (a `filter` over the directives, twice), whether the field is `__typename`
 *   or introspection, the field's type — is read once per selection set of the (memoised,
 *   fetch/operation-cache.ts) operation and kept beside it;
 * - a type condition's outcome is kept per `__typename` (or parent type) that met it;
 * - no `{ updated, isInvalid, hasErrors }` object per value: the two flags live in module
 *   variables, read right after each call returns (the walk is synchronous).
 * The parity corpus (test/federation-parity.e2e.ts) compares whole responses with stock's.
 */
interface Parameters {
  schema: SchemaLike;
  variables: JsonObject;
  errors: GraphQLError[];
  introspectionHandling(selection: unknown): unknown;
}

type TypeLike = { name?: string; kind: string; ofType?: TypeLike; toString(): string };
interface SchemaLike {
  type(name: string): TypeLike | undefined;
  skipDirective(): { name: string };
  includeDirective(): { name: string };
  schemaDefinition: { rootType(kind: string): TypeLike | undefined };
}
interface DirectiveLike {
  arguments(): { if?: unknown };
  toString(): string;
}
interface ElementLike {
  appliedDirectivesOf(definition: { name: string }): DirectiveLike[];
}
interface FieldElementLike extends ElementLike {
  name: string;
  responseName(): string;
  definition: { type: TypeLike; isSchemaIntrospectionField(): boolean };
}
interface FragmentElementLike extends ElementLike {
  typeCondition?: TypeLike;
}
type SelectionLike =
  | { kind: 'FieldSelection'; element: FieldElementLike; selectionSet?: FederationSelectionSet }
  | { kind: 'FragmentSelection'; element: FragmentElementLike; selectionSet: FederationSelectionSet };

interface Condition {
  directive: DirectiveLike;
  /** The variable's name, or undefined when `if` is a literal (`value`). */
  variable: string | undefined;
  value: unknown;
  argument: unknown;
}

interface CompiledField {
  field: true;
  responseName: string;
  isTypename: boolean;
  introspection: boolean;
  type: TypeLike;
  selection: SelectionLike;
  selectionSet: FederationSelectionSet | undefined;
  skip: Condition | undefined;
  include: Condition | undefined;
}
interface CompiledFragment {
  field: false;
  typeCondition: TypeLike | undefined;
  selectionSet: FederationSelectionSet;
  skip: Condition | undefined;
  include: Condition | undefined;
  /** Outcome of the type condition by `__typename`, or by parent type (key prefixed with a space) when there is none. */
  applies: Map<string, boolean>;
}
type Compiled = CompiledField | CompiledFragment;

const compiledSets = new WeakMap<FederationSelectionSet, Compiled[]>();
const defaultedVariables = new WeakMap<FederationOperation, JsonObject>();

const TYPENAME = '__typename';
const hasOwn = (object: object, key: string) => Object.prototype.hasOwnProperty.call(object, key);

function conditionOf(element: ElementLike, definition: { name: string }): Condition | undefined {
  const directive = element.appliedDirectivesOf(definition)[0];
  if (!directive) return undefined;
  const argument = directive.arguments().if;
  const variable = argument instanceof federationInternals.Variable ? argument.name : undefined;
  return { directive, variable, value: argument, argument };
}

function compile(selectionSet: FederationSelectionSet, schema: SchemaLike): Compiled[] {
  let compiled = compiledSets.get(selectionSet);
  if (compiled) return compiled;
  const skipDefinition = schema.skipDirective();
  const includeDefinition = schema.includeDirective();
  compiled = (selectionSet.selections() as unknown as readonly SelectionLike[]).map((selection): Compiled => {
    const skip = conditionOf(selection.element, skipDefinition);
    const include = conditionOf(selection.element, includeDefinition);
    if (selection.kind === 'FieldSelection') {
      const field = selection.element;
      return {
        field: true,
        responseName: field.responseName(),
        isTypename: field.name === TYPENAME,
        introspection: field.definition.isSchemaIntrospectionField(),
        type: field.definition.type,
        selection,
        selectionSet: selection.selectionSet,
        skip,
        include,
      };
    }
    return { field: false, typeCondition: selection.element.typeCondition, selectionSet: selection.selectionSet, skip, include, applies: new Map() };
  });
  compiledSets.set(selectionSet, compiled);
  return compiled;
}

function ifValue(condition: Condition, variables: JsonObject): unknown {
  if (condition.variable === undefined) return condition.value;
  const value = variables[condition.variable];
  if (!(value !== undefined && typeof value === 'boolean')) throw new Error(`Unexpected value ${String(value)} for variable ${String(condition.argument)} of ${String(condition.directive)}`);
  return value;
}

function shouldSkip(selection: Compiled, variables: JsonObject): boolean {
  if (selection.skip === undefined && selection.include === undefined) return false;
  return Boolean((selection.skip && ifValue(selection.skip, variables)) || (selection.include && !ifValue(selection.include, variables)));
}

export function computeResponse({
  operation,
  variables,
  input,
  introspectionHandling,
}: {
  operation: FederationOperation;
  variables: JsonObject | undefined;
  input: JsonObject | null | undefined;
  introspectionHandling(selection: unknown): unknown;
}): ComputedResponse {
  if (!input) return { data: input, errors: [] };
  const schema = operation.schema() as unknown as SchemaLike;
  let defaulted = defaultedVariables.get(operation);
  if (!defaulted) defaultedVariables.set(operation, (defaulted = operation.collectDefaultedVariableValues()));
  const parameters: Parameters = {
    schema,
    variables: { __proto__: null, ...defaulted, ...variables } as JsonObject,
    errors: [],
    introspectionHandling,
  };
  const data = responseObject();
  const bubbled = applySelectionSet(input, operation.selectionSet, data, parameters, [], schema.schemaDefinition.rootType(operation.rootKind)!);
  return { data: bubbled ? null : data, errors: parameters.errors };
}

/** Whether a null bubbled up to this selection set's object. */
function applySelectionSet(input: JsonObject, selectionSet: FederationSelectionSet, output: JsonObject, parameters: Parameters, path: (string | number)[], parentType: TypeLike): boolean {
  const { schema } = parameters;
  for (const selection of compile(selectionSet, schema)) {
    if (shouldSkip(selection, parameters.variables)) continue;
    if (selection.field) {
      const responseName = selection.responseName;
      const outputValue = output[responseName];
      if (selection.introspection) {
        if (outputValue === undefined) output[responseName] = parameters.introspectionHandling(selection.selection);
        continue;
      }
      let inputValue = hasOwn(input, responseName) ? (input[responseName] ?? null) : null;
      if (selection.isTypename) {
        if (outputValue === undefined) {
          if (inputValue === null && responseName !== TYPENAME) inputValue = input[TYPENAME] ?? null;
          const type = inputValue !== null && typeof inputValue === 'string' ? (schema.type(inputValue) ?? parentType) : parentType;
          if (type.kind !== 'ObjectType') return true;
          output[responseName] = type.name;
        }
        continue;
      }
      path.push(responseName);
      const updated = updateOutputValue(outputValue, selection.type, inputValue, selection.selectionSet, path, parameters, parentType);
      output[responseName] = updated;
      path.pop();
      if (isInvalid) return true;
    } else {
      const typename = input[TYPENAME];
      if (!(!typename || typeof typename === 'string')) throw new Error(`Got unexpected value for __typename: ${String(typename)}`);
      if (typeConditionApplies(selection, schema, typename as string | undefined, parentType)) {
        if (applySelectionSet(input, selection.selectionSet, output, parameters, path, selection.typeCondition ?? parentType)) return true;
      }
    }
  }
  return false;
}

function typeConditionApplies(fragment: CompiledFragment, schema: SchemaLike, typename: string | undefined, parentType: TypeLike): boolean {
  const typeCondition = fragment.typeCondition;
  if (!typeCondition) return true;
  const key = typename ? typename : ` ${parentType.name ?? ''}`;
  let applies = fragment.applies.get(key);
  if (applies === undefined) {
    if (typename) {
      const type = schema.type(typename);
      applies = !!type && federationInternals.isSubtype(typeCondition as never, type as never);
    } else {
      applies = federationInternals.isSubtype(typeCondition as never, parentType as never);
    }
    fragment.applies.set(key, applies);
  }
  return applies;
}

function pathLastElementDescription(path: (string | number)[], currentType: TypeLike, parentType: TypeLike): string {
  const element = path[path.length - 1];
  if (element === undefined) throw new Error('Should not have been called on an empty path');
  return typeof element === 'string' ? `field ${String(parentType)}.${element}` : `array element of type ${String(currentType)} at index ${element}`;
}

/** Apollo's `isInvalid` and `hasErrors` of the last `updateOutputValue` call. */
let isInvalid = false;
let hasErrors = false;

const COMPOSITE_KINDS = new Set(['ObjectType', 'InterfaceType', 'UnionType']);

function invalidGraphQL(message: string, path: (string | number)[]): GraphQLError {
  return federationInternals.ERRORS.INVALID_GRAPHQL.err(message, { path: Array.from(path) });
}

function updateOutputValue(
  outputValue: unknown,
  type: TypeLike,
  inputValue: unknown,
  selectionSet: FederationSelectionSet | undefined,
  path: (string | number)[],
  parameters: Parameters,
  parentType: TypeLike,
): unknown {
  if (inputValue === undefined) throw new Error('Should not pass undefined for `inputValue` to this method');
  if (outputValue === null || (outputValue !== undefined && !selectionSet)) {
    isInvalid = false;
    hasErrors = false;
    return outputValue;
  }
  if (type.kind === 'NonNullType') {
    const updated = updateOutputValue(outputValue, type.ofType!, inputValue, selectionSet, path, parameters, parentType);
    if (updated === null) {
      if (!hasErrors) parameters.errors.push(invalidGraphQL(`Cannot return null for non-nullable ${pathLastElementDescription(path, type.ofType!, parentType)}.`, path));
      isInvalid = true;
      hasErrors = true;
      return updated;
    }
    isInvalid = false;
    hasErrors = false;
    return updated;
  }
  if (inputValue === null) {
    isInvalid = false;
    hasErrors = false;
    return null;
  }
  if (type.kind === 'ListType') {
    if (!Array.isArray(inputValue)) throw new Error(`Invalid non-list value ${String(inputValue)} returned by subgraph for list type ${String(type)}`);
    if (!(outputValue === undefined || Array.isArray(outputValue))) throw new Error(`Invalid non-list value ${String(outputValue)} returned by subgraph for list type ${String(type)}`);
    const outputList = outputValue as unknown[] | undefined;
    const length = outputList === undefined ? inputValue.length : outputList.length;
    if (inputValue.length !== length) throw new Error(`[${String(inputValue)}].length (${inputValue.length}) !== [${String(outputList)}].length (${length})`);
    let shouldNullify = false;
    let anyErrors = false;
    const updated: unknown[] = [];
    const elementType = type.ofType!;
    for (let index = 0; index < length; index++) {
      path.push(index);
      updated.push(updateOutputValue(outputList === undefined ? undefined : outputList[index], elementType, inputValue[index] as unknown, selectionSet, path, parameters, parentType));
      path.pop();
      shouldNullify ||= isInvalid;
      anyErrors ||= hasErrors;
    }
    isInvalid = false;
    hasErrors = anyErrors;
    return shouldNullify ? null : updated;
  }
  if (COMPOSITE_KINDS.has(type.kind)) {
    if (!selectionSet) throw new Error(`Invalid empty selection set for composite type ${String(type)}`);
    if (typeof inputValue !== 'object') throw new Error(`Invalid non-object value ${String(inputValue)} returned by subgraph for composite type ${String(type)}`);
    if (!(outputValue === undefined || typeof outputValue === 'object')) throw new Error(`Invalid non-object value ${String(inputValue)} returned by subgraph for composite type ${String(type)}`);
    const inputTypename = (inputValue as JsonObject)[TYPENAME];
    if (!(inputTypename === undefined || typeof inputTypename === 'string')) throw new Error(`Invalid non-string value ${String(inputTypename)} for __typename at ${String(path)}`);
    let objectType = type;
    if (inputTypename) {
      const typenameType = parameters.schema.type(inputTypename);
      if (!typenameType || !COMPOSITE_KINDS.has(typenameType.kind)) {
        parameters.errors.push(invalidGraphQL(`Invalid __typename found for object at ${pathLastElementDescription(path, type, parentType)}.`, path));
        isInvalid = false;
        hasErrors = true;
        return null;
      }
      objectType = typenameType;
    }
    const outputObject = outputValue === undefined ? responseObject() : (outputValue as JsonObject);
    const bubbled = applySelectionSet(inputValue as JsonObject, selectionSet, outputObject, parameters, path, objectType);
    isInvalid = false;
    hasErrors = bubbled;
    return bubbled ? null : outputObject;
  }
  if (outputValue !== undefined) throw new Error(`Excepted output to be undefined but got ${String(type)} for type ${String(type)}`);
  const valid = federationInternals.isValidLeafValue(parameters.schema, inputValue, type);
  if (!valid) parameters.errors.push(invalidGraphQL(`Invalid value found for ${pathLastElementDescription(path, type, parentType)}.`, path));
  isInvalid = false;
  hasErrors = !valid;
  return valid ? inputValue : null;
}

