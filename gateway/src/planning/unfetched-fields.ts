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
import type { PlannerInput } from './planner-input';

interface ChainLink {
  /** The field as the client selected it (alias, arguments, directives), without its selection. */
  node: FieldNode;
  /** `Parent.field`, to know which subgraphs resolve it. */
  coordinate: string;
  /** How many lists its type wraps (a `Flatten` path has an `@` for each). */
  lists: number;
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
 * fetch of its own, beside the plan, to the subgraph that resolves the root field. Below an
 * entity, it goes into the entity fetch that holds its deepest parent, or else into an entity
 * fetch of its own after the root fetch that holds the entity (which then also selects its key).
 * Only in queries (a mutation's fields run once).
 */
export function withUnfetchedFields(plan: QueryPlan, operation: Operation, input: Pick<PlannerInput, 'fieldResolvers' | 'resolvableKeys'>): QueryPlan {
  const { fieldResolvers } = input;
  if (operation.rootKind !== 'query') return plan;
  const unfetched: ChainLink[][] = [];
  collectUnfetchable(operation.selectionSet, [], unfetched);
  if (unfetched.length === 0) return plan;
  const definitions = operation.variableDefinitions.toVariableDefinitionNodes() ?? [];
  const roots = rootFetches(plan.node as PlanNode | undefined);
  const entities = entityFetches(plan.node as PlanNode | undefined);
  const replaced = new Map<FetchNode, FetchNode>();
  const after = new Map<FetchNode, PlanNode[]>();
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
    // Below an entity: the entity fetch into the deepest parent, in a subgraph that resolves the field below it.
    const below = entityFetchFor(chain, entities.map((e) => ({ ...e, fetch: current(e.fetch) })), fieldResolvers);
    if (below) {
      const original = entities.find((e) => current(e.fetch) === below.fetch)!.fetch;
      replaced.set(original, withField(below.fetch, below.document, below.parent, nested(chain.slice(below.depth)), definitions));
      continue;
    }
    // Below an entity no fetch reaches: an entity fetch of its own after the root fetch holding the entity.
    const entry = newEntityFetch(chain, roots.map(current), input, definitions);
    if (entry) {
      const original = roots.find((fetch) => current(fetch) === entry.parent)!;
      replaced.set(original, entry.parentWithKey);
      after.set(original, [...(after.get(original) ?? []), entry.flatten]);
      continue;
    }
    const serviceName = fieldResolvers.get(chain[0]!.coordinate)?.[0];
    if (serviceName) added.push(typenameFetch(nested(chain), serviceName, definitions));
  }
  if (added.length === 0 && replaced.size === 0) return plan;
  const node = plan.node ? replaceFetches(plan.node as PlanNode, replaced, after) : undefined;
  const nodes: PlanNode[] = node ? [...added, node] : added;
  return { ...plan, node: nodes.length === 1 ? nodes[0]! : { kind: 'Parallel', nodes } } as QueryPlan;
}

/** Each unfetchable field with the fields above it, root first. */
function collectUnfetchable(selectionSet: SelectionSet, parents: ChainLink[], into: ChainLink[][]): void {
  for (const selection of selectionSet.selections()) {
    if (selection.kind !== 'FieldSelection') continue;
    const element = selection.element;
    const { selectionSet: _, ...node } = selection.toSelectionNode();
    const link: ChainLink = { node, coordinate: `${element.parentType.name}.${element.name}`, lists: listDepth(element.definition.type) };
    const type = element.baseType();
    if ((type.kind === 'InterfaceType' && type.possibleRuntimeTypes().length === 0) || (type.kind === 'UnionType' && type.types().length === 0)) {
      into.push([...parents, link]);
      continue;
    }
    if (selection.selectionSet) collectUnfetchable(selection.selectionSet, [...parents, link], into);
  }
}

function listDepth(type: { kind: string; ofType?: unknown } | undefined): number {
  if (!type || !('ofType' in type) || !type.ofType) return 0;
  return (type.kind === 'ListType' ? 1 : 0) + listDepth(type.ofType as { kind: string; ofType?: unknown });
}

/**
 * The deepest parent of the chain's field that is an entity with a resolvable key (plain fields)
 * in a subgraph resolving the field below it, selected by a root fetch: that fetch with
 * `__typename` and the key added there, and a `Flatten` entity fetch of the field to run after it.
 */
function newEntityFetch(
  chain: ChainLink[],
  roots: FetchNode[],
  input: Pick<PlannerInput, 'fieldResolvers' | 'resolvableKeys'>,
  definitions: readonly VariableDefinitionNode[],
): { parent: FetchNode; parentWithKey: FetchNode; flatten: PlanNode } | undefined {
  const path = chain.map((link) => responseName(link.node));
  for (let depth = path.length - 1; depth >= 1; depth--) {
    const typeName = chain[depth]!.coordinate.split('.')[0]!;
    for (const serviceName of input.fieldResolvers.get(chain[depth]!.coordinate) ?? []) {
      const key = input.resolvableKeys.get(typeName)?.get(serviceName);
      const parent = key && roots.find((fetch) => selectionAt(parse(fetch.operation), path.slice(0, depth)));
      if (!key || !parent) continue;
      let parentWithKey = parent;
      for (const name of ['__typename', ...key]) {
        const document = parse(parentWithKey.operation);
        if (selectionAt(document, path.slice(0, depth))!.selections.some((s) => isField(s, name))) continue;
        parentWithKey = withField(parentWithKey, document, path.slice(0, depth), { kind: Kind.FIELD, name: { kind: Kind.NAME, value: name } }, definitions);
      }
      const field = nested(chain.slice(depth));
      // withField declares the client's variables the field uses.
      const document = parse(`query($representations:[_Any!]!){_entities(representations:$representations){...on ${typeName}{__typename}}}`);
      const fetch: FetchNode = {
        ...withField({ kind: 'Fetch', serviceName, variableUsages: [], operation: '', operationKind: OperationTypeNode.QUERY, operationName: undefined } as FetchNode, document, entitySelection(document, typeName)!, field, definitions),
        requires: [{ kind: 'InlineFragment', typeCondition: typeName, selections: ['__typename', ...key].map((name) => ({ kind: 'Field' as const, name })) }],
      };
      const flattenPath = chain.slice(0, depth).flatMap((link) => [responseName(link.node), ...Array.from({ length: link.lists }, () => '@')]);
      return { parent, parentWithKey, flatten: { kind: 'Flatten', path: flattenPath, node: fetch } as PlanNode };
    }
  }
  return undefined;
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
function withField(fetch: FetchNode, document: DocumentNode, parentAt: string[] | SelectionSetNode, field: FieldNode, definitions: readonly VariableDefinitionNode[]): FetchNode {
  const parent = Array.isArray(parentAt) ? selectionAt(document, parentAt)! : parentAt;
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

interface EntityFetch {
  /** Response names from the root to the entities (the `Flatten` path without its `@`s). */
  path: string[];
  fetch: FetchNode;
}

/**
 * The entity fetch (and where in its `_entities` selection) to add the chain's last field to: one
 * whose entities are a parent of the field, to a subgraph that resolves the field below the
 * deepest parent it already selects.
 */
function entityFetchFor(chain: ChainLink[], entities: EntityFetch[], fieldResolvers: Map<string, string[]>): { fetch: FetchNode; document: DocumentNode; parent: SelectionSetNode; depth: number } | undefined {
  const path = chain.map((link) => responseName(link.node));
  let best: { fetch: FetchNode; document: DocumentNode; parent: SelectionSetNode; depth: number } | undefined;
  for (const { path: at, fetch } of entities) {
    if (at.length >= path.length || at.some((name, i) => name !== path[i])) continue;
    const document = parse(fetch.operation);
    const typeName = chain[at.length]!.coordinate.split('.')[0]!;
    const fragment = entitySelection(document, typeName);
    if (!fragment) continue;
    for (let depth = path.length - 1; depth >= at.length && depth > (best?.depth ?? -1); depth--) {
      const parent = selectionIn(fragment, path.slice(at.length, depth));
      if (!parent || !fieldResolvers.get(chain[depth]!.coordinate)?.includes(fetch.serviceName)) continue;
      best = { fetch, document, parent, depth };
      break;
    }
  }
  return best;
}

/** `... on <typeName> { … }` under `_entities`. */
function entitySelection(document: DocumentNode, typeName: string): SelectionSetNode | undefined {
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const entities = operation?.selectionSet.selections.find((s): s is FieldNode => s.kind === Kind.FIELD && s.name.value === '_entities');
  const fragment = entities?.selectionSet?.selections.find((s) => s.kind === Kind.INLINE_FRAGMENT && s.typeCondition?.name.value === typeName);
  return fragment?.kind === Kind.INLINE_FRAGMENT ? fragment.selectionSet : undefined;
}

function selectionIn(selectionSet: SelectionSetNode, path: string[]): SelectionSetNode | undefined {
  let current: SelectionSetNode | undefined = selectionSet;
  for (const name of path) {
    current = current && fieldIn(current, name)?.selectionSet;
    if (!current) return undefined;
  }
  return current;
}

/** A plan's entity fetches, with the path to their entities. */
function entityFetches(node: PlanNode | undefined, into: EntityFetch[] = []): EntityFetch[] {
  if (!node) return into;
  switch (node.kind) {
    case 'Sequence':
    case 'Parallel':
      for (const child of node.nodes) entityFetches(child, into);
      break;
    case 'Condition':
      entityFetches(node.ifClause, into);
      entityFetches(node.elseClause, into);
      break;
    case 'Defer':
      entityFetches(node.primary.node, into);
      break;
    case 'Flatten':
      if (node.node.kind === 'Fetch' && node.node.requires) into.push({ path: node.path.filter((p): p is string => p !== '@'), fetch: node.node });
      break;
    case 'Fetch':
      break;
  }
  return into;
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

/** The plan with fetches replaced, and the nodes to run after a fetch put in sequence after it. */
function replaceFetches(node: PlanNode, replaced: Map<FetchNode, FetchNode>, after: Map<FetchNode, PlanNode[]>): PlanNode {
  if (replaced.size === 0) return node;
  switch (node.kind) {
    case 'Sequence':
    case 'Parallel':
      return { ...node, nodes: node.nodes.map((child) => replaceFetches(child, replaced, after)) };
    case 'Condition':
      return { ...node, ifClause: node.ifClause && replaceFetches(node.ifClause, replaced, after), elseClause: node.elseClause && replaceFetches(node.elseClause, replaced, after) };
    case 'Defer':
      return { ...node, primary: { ...node.primary, node: node.primary.node && replaceFetches(node.primary.node, replaced, after) } };
    case 'Fetch': {
      const fetch = replaced.get(node) ?? node;
      const next = after.get(node);
      return next ? { kind: 'Sequence', nodes: [fetch, ...next] } : fetch;
    }
    case 'Flatten':
      return node.node.kind === 'Fetch' && replaced.has(node.node) ? { ...node, node: replaced.get(node.node)! } : node;
  }
}
