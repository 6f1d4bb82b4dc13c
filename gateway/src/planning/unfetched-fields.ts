import {
  Kind,
  OperationTypeNode,
  parse,
  print,
  stripIgnoredCharacters,
  visit,
  type DocumentNode,
  type FieldNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type VariableDefinitionNode,
} from 'graphql';
import type { FetchNode, PlanNode, QueryPlan } from '@apollo/query-planner';
import type { Operation, SelectionSet } from '@apollo/federation-internals';

interface ChainLink {
  /** The field as the client selected it (alias, arguments, directives), without its selection. */
  node: FieldNode;
  /** `Parent.field`, to know which subgraphs resolve it. */
  coordinate: string;
}

/**
 * A field whose type is an interface or union that no object type of the supergraph implements —
 * an interface entity of one subgraph known elsewhere only as a non-resolvable `@interfaceObject`
 * — has no possible runtime type, and Apollo's planner leaves it out of the plan whenever its
 * selection asks for more than `__typename`/key fields (and with it a parent left with nothing to
 * select): the client gets `null` and no error, whatever the subgraph holds. Here the field is
 * fetched as the client selected it (alias, arguments, directives, and the parents the plan lost)
 * with `{ __typename }`: a null from the subgraph stays null, anything else is an error the
 * subgraph reports (it cannot name an object type for it). It goes into the root fetch that
 * already selects its deepest parent in a subgraph that resolves the next field, or else into a
 * fetch of its own, beside the plan, to the subgraph that resolves the root field. Only in queries
 * (a mutation's fields run once); a field below an entity fetch is not covered.
 */
export function withUnfetchedFields(plan: QueryPlan, operation: Operation, fieldResolvers: Map<string, string[]>): QueryPlan {
  if (operation.rootKind !== 'query') return plan;
  const unfetched: ChainLink[][] = [];
  collectUnfetchable(operation.selectionSet, [], unfetched);
  if (unfetched.length === 0) return plan;
  const definitions = operation.variableDefinitions.toVariableDefinitionNodes() ?? [];
  const roots = rootFetches(plan.node as PlanNode | undefined);
  const replaced = new Map<FetchNode, FetchNode>();
  const added: FetchNode[] = [];
  const current = (fetch: FetchNode) => replaced.get(fetch) ?? fetch;
  for (const chain of unfetched) {
    const path = chain.map((link) => responseName(link.node));
    if (roots.some((fetch) => selectionAt(parse(current(fetch).operation), path.slice(0, -1))?.selections.some((s) => isField(s, path.at(-1)!)))) continue;
    // The root fetch holding the deepest parent, in a subgraph that resolves the field below it.
    let best: { fetch: FetchNode; depth: number } | undefined;
    for (const fetch of roots) {
      const document = parse(current(fetch).operation);
      for (let depth = path.length - 1; depth > (best?.depth ?? 0); depth--) {
        if (!selectionAt(document, path.slice(0, depth)) || !fieldResolvers.get(chain[depth]!.coordinate)?.includes(fetch.serviceName)) continue;
        best = { fetch, depth };
        break;
      }
    }
    if (best) {
      const fetch = current(best.fetch);
      replaced.set(best.fetch, withField(fetch, parse(fetch.operation), path.slice(0, best.depth), nested(chain.slice(best.depth)), definitions));
      continue;
    }
    const serviceName = fieldResolvers.get(chain[0]!.coordinate)?.[0];
    if (serviceName) added.push(typenameFetch(nested(chain), serviceName, definitions));
  }
  if (added.length === 0 && replaced.size === 0) return plan;
  const node = plan.node ? replaceFetches(plan.node as PlanNode, replaced) : undefined;
  const nodes: PlanNode[] = node ? [...added, node] : added;
  return { ...plan, node: nodes.length === 1 ? nodes[0]! : { kind: 'Parallel', nodes } } as QueryPlan;
}

/** Each unfetchable field with the fields above it, root first. */
function collectUnfetchable(selectionSet: SelectionSet, parents: ChainLink[], into: ChainLink[][]): void {
  for (const selection of selectionSet.selections()) {
    if (selection.kind !== 'FieldSelection') continue;
    const element = selection.element;
    const { selectionSet: _, ...node } = selection.toSelectionNode();
    const link: ChainLink = { node, coordinate: `${element.parentType.name}.${element.name}` };
    const type = element.baseType();
    if ((type.kind === 'InterfaceType' && type.possibleRuntimeTypes().length === 0) || (type.kind === 'UnionType' && type.types().length === 0)) {
      into.push([...parents, link]);
      continue;
    }
    if (selection.selectionSet) collectUnfetchable(selection.selectionSet, [...parents, link], into);
  }
}

/** `a { b { field { __typename } } }` from the chain `a`, `b`, `field`. */
function nested(chain: ChainLink[]): FieldNode {
  let node: FieldNode = { ...chain.at(-1)!.node, selectionSet: TYPENAME_ONLY };
  for (let i = chain.length - 2; i >= 0; i--) node = { ...chain[i]!.node, selectionSet: { kind: Kind.SELECTION_SET, selections: [node] } };
  return node;
}

const TYPENAME_ONLY: SelectionSetNode = { kind: Kind.SELECTION_SET, selections: [{ kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } }] };

const responseName = (field: FieldNode) => (field.alias ?? field.name).value;
const isField = (selection: SelectionSetNode['selections'][number], name: string) => selection.kind === Kind.FIELD && responseName(selection) === name;

/** The selection set at `path` (response names) in a fetch's operation, looking into inline fragments. */
function selectionAt(document: DocumentNode, path: string[]): SelectionSetNode | undefined {
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  let current: SelectionSetNode | undefined = operation?.selectionSet;
  for (const name of path) {
    current = current && fieldIn(current, name)?.selectionSet;
    if (!current) return undefined;
  }
  return current;
}

function fieldIn(selectionSet: SelectionSetNode, name: string): FieldNode | undefined {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD && responseName(selection) === name) return selection;
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      const found = fieldIn(selection.selectionSet, name);
      if (found) return found;
    }
  }
  return undefined;
}

/** The fetch with `field` added under `parentPath`, and the client's variables it uses declared. */
function withField(fetch: FetchNode, document: DocumentNode, parentPath: string[], field: FieldNode, definitions: readonly VariableDefinitionNode[]): FetchNode {
  const parent = selectionAt(document, parentPath)!;
  const updated = visit(document, {
    SelectionSet: (node) => (node === parent ? { ...node, selections: [...node.selections, field] } : undefined),
    OperationDefinition(node) {
      const declared = new Set((node.variableDefinitions ?? []).map((d) => d.variable.name.value));
      const missing = definitions.filter((d) => variablesOf(field).has(d.variable.name.value) && !declared.has(d.variable.name.value));
      return missing.length ? { ...node, variableDefinitions: [...(node.variableDefinitions ?? []), ...missing] } : undefined;
    },
  });
  const usages = new Set([...(fetch.variableUsages ?? []), ...variablesOf(field)]);
  return { ...fetch, operation: stripIgnoredCharacters(print(updated)), variableUsages: [...usages], ...(fetch.operationDocumentNode ? { operationDocumentNode: updated } : {}) };
}

function variablesOf(field: FieldNode): Set<string> {
  const used = new Set<string>();
  visit(field, { Variable: (v) => void used.add(v.name.value) });
  return used;
}

function typenameFetch(field: FieldNode, serviceName: string, definitions: readonly VariableDefinitionNode[]): FetchNode {
  const used = variablesOf(field);
  const definition: OperationDefinitionNode = {
    kind: Kind.OPERATION_DEFINITION,
    operation: OperationTypeNode.QUERY,
    variableDefinitions: definitions.filter((d) => used.has(d.variable.name.value)),
    selectionSet: { kind: Kind.SELECTION_SET, selections: [field] },
  };
  return {
    kind: 'Fetch',
    serviceName,
    variableUsages: [...used],
    operation: stripIgnoredCharacters(print({ kind: Kind.DOCUMENT, definitions: [definition] })),
    operationKind: OperationTypeNode.QUERY,
    operationName: undefined,
  };
}

/** A plan's root fetches: those not under a `Flatten` and without representations. */
function rootFetches(node: PlanNode | undefined, into: FetchNode[] = []): FetchNode[] {
  if (!node) return into;
  switch (node.kind) {
    case 'Sequence':
    case 'Parallel':
      for (const child of node.nodes) rootFetches(child, into);
      break;
    case 'Condition':
      rootFetches(node.ifClause, into);
      rootFetches(node.elseClause, into);
      break;
    case 'Defer':
      rootFetches(node.primary.node, into);
      break;
    case 'Fetch':
      if (!node.requires) into.push(node);
      break;
    case 'Flatten':
      break;
  }
  return into;
}

function replaceFetches(node: PlanNode, replaced: Map<FetchNode, FetchNode>): PlanNode {
  if (replaced.size === 0) return node;
  switch (node.kind) {
    case 'Sequence':
    case 'Parallel':
      return { ...node, nodes: node.nodes.map((child) => replaceFetches(child, replaced)) };
    case 'Condition':
      return { ...node, ifClause: node.ifClause && replaceFetches(node.ifClause, replaced), elseClause: node.elseClause && replaceFetches(node.elseClause, replaced) };
    case 'Defer':
      return { ...node, primary: { ...node.primary, node: node.primary.node && replaceFetches(node.primary.node, replaced) } };
    case 'Fetch':
      return replaced.get(node) ?? node;
    case 'Flatten':
      return node;
  }
}
