import { GraphQLError } from 'graphql';
import {
  computeResponse,
  federationInternals,
  type FederationOperation,
  type FederationSelectionSet,
  type FederationType,
  type JsonObject,
} from './apollo-internals';

/**
 * Apollo's result shaping (`computeResponse`: aliases, `@skip`/`@include`, abstract types,
 * non-null propagation, its value-completion errors) applied to one part of a deferred response:
 * the primary part from the root, or a deferred fragment from the object it is spread on. The
 * planner gives each part as a selection-set text (`subselection`); it is parsed once per plan
 * node, against the type the part starts at.
 */
export interface Shaped {
  /** `null` when a non-null field's null propagated up to the part's own root. */
  data: JsonObject | null;
  errors: GraphQLError[];
}

export type Introspect = (selection: { expandFragments(): { toSelectionNode(): unknown } }) => unknown;

const parsed = new WeakMap<object, Map<string, FederationSelectionSet>>();

/** `subselection` parsed for `parentType` (cached on the plan node, which the plan cache keeps). */
export function selectionSetOf(planNode: object, operation: FederationOperation, parentType: FederationType, subselection: string): FederationSelectionSet {
  let byType = parsed.get(planNode);
  if (!byType) parsed.set(planNode, (byType = new Map()));
  let selectionSet = byType.get(parentType.name);
  if (!selectionSet) {
    selectionSet = federationInternals.parseSelectionSet({ parentType, source: subselection, fragments: operation.fragments, validate: false });
    byType.set(parentType.name, selectionSet);
  }
  return selectionSet;
}

/**
 * Shapes `input` (the object at `path` in the executor's unfiltered data) by `selectionSet`.
 * computeResponse starts at an operation's root type; the shaping view of the schema reports the
 * part's own type as that root, and errors it reports are moved to their place in the response.
 */
export function shapePart(
  operation: FederationOperation,
  selectionSet: FederationSelectionSet,
  input: JsonObject,
  path: readonly (string | number)[],
  variables: JsonObject | undefined,
  introspect: Introspect,
): Shaped {
  const schema = operation.schema();
  const rootedAtPart = Object.create(schema, { schemaDefinition: { value: { rootType: () => selectionSet.parentType } } }) as object;
  const part = {
    schema: () => rootedAtPart,
    collectDefaultedVariableValues: () => operation.collectDefaultedVariableValues(),
    selectionSet,
    rootKind: operation.rootKind,
  } as unknown as FederationOperation;
  const { data, errors } = computeResponse({ operation: part, variables, input, introspectionHandling: introspect });
  const moved = path.length === 0 ? errors : errors.map((error) => atPath(error, [...path, ...(error.path ?? [])]));
  return { data: data ?? null, errors: moved };
}

export function atPath(error: GraphQLError, path: readonly (string | number)[]): GraphQLError {
  return new GraphQLError(error.message, { path, extensions: error.extensions, originalError: error.originalError ?? undefined, nodes: error.nodes ?? undefined });
}

/**
 * The type a deferred fragment's `queryPath` (`['me', 'todos']`, `['search', '... on Post']`)
 * leads to in the operation: fields by response name, through fragments, `... on T` steps
 * narrowing to T.
 */
export function typeAtQueryPath(operation: FederationOperation, queryPath: readonly string[]): FederationType {
  let selectionSets: FederationSelectionSet[] = [operation.selectionSet];
  let type = operation.selectionSet.parentType;
  for (const step of queryPath) {
    if (step.startsWith('... on ')) {
      const narrowed = (operation.schema() as { type(name: string): FederationType | undefined }).type(step.slice('... on '.length));
      if (!narrowed) throw new Error(`Unknown type in deferred path ${queryPath.join('/')}`);
      type = narrowed;
      continue;
    }
    const next: FederationSelectionSet[] = [];
    for (const selectionSet of selectionSets) collectFields(selectionSet, step, next, (found) => (type = found));
    if (next.length === 0) throw new Error(`No field "${step}" on the deferred path ${queryPath.join('/')}`);
    selectionSets = next;
  }
  return type;
}

function collectFields(selectionSet: FederationSelectionSet, responseName: string, into: FederationSelectionSet[], setType: (type: FederationType) => void): void {
  for (const selection of selectionSet.selections()) {
    if (selection.kind === 'FragmentSelection') {
      collectFields(selection.selectionSet, responseName, into, setType);
      continue;
    }
    if (selection.element.responseName() !== responseName || !selection.selectionSet) continue;
    setType(federationInternals.baseType(selection.element.definition.type));
    into.push(selection.selectionSet);
  }
}
