import {
  Kind,
  parse,
  print,
  stripIgnoredCharacters,
  visit,
  type DocumentNode,
  type FieldNode,
  type InlineFragmentNode,
  type OperationDefinitionNode,
  type SelectionNode,
} from 'graphql';
import type { FetchDataRewrite, FetchNode, PlanNode, QueryPlan, QueryPlanSelectionNode, SubscriptionNode } from '@apollo/query-planner';
import { SYNTHETIC_PREFIX, type PlannerInput } from './planner-input';

/**
 * Turns the synthetic required fields of planner-input.ts back into what the subgraphs know, in a
 * plan Apollo's planner made from the corrected supergraph:
 * - in every fetch's operation, `_mosaicRequired_x { … }` becomes `_mosaicRequired_x: field(arguments) { … }`
 *   — an alias of its own, so it never merges with the client's selection of the same field;
 * - in every entity fetch's representations, the value read from that alias is renamed to the
 *   field's name (a `KeyRenamer` input rewrite, as the planner makes for `@interfaceObject`);
 * - an entity fetch whose fields require the same field with different arguments (two values
 *   under one name in one representation) is split into parallel fetches, one per set of
 *   arguments, each with its own representations.
 */
export function correctRequiredArguments(plan: QueryPlan, input: PlannerInput): QueryPlan {
  if (input.required.size === 0 || !plan.node) return plan;
  const node = plan.node.kind === 'Subscription' ? correctSubscription(plan.node, input) : correctNode(plan.node, input);
  return { ...plan, node } as QueryPlan;
}

function correctNode(node: PlanNode, input: PlannerInput): PlanNode {
  switch (node.kind) {
    case 'Sequence':
    case 'Parallel':
      return { ...node, nodes: node.nodes.map((child) => correctNode(child, input)) };
    case 'Flatten':
      return { ...node, node: correctNode(node.node, input) as typeof node.node };
    case 'Condition':
      return { ...node, ifClause: node.ifClause && correctNode(node.ifClause, input), elseClause: node.elseClause && correctNode(node.elseClause, input) };
    case 'Defer':
      return {
        ...node,
        primary: { ...node.primary, node: node.primary.node && correctNode(node.primary.node, input) },
        deferred: node.deferred.map((d) => ({ ...d, node: d.node && correctNode(d.node, input) })),
      };
    case 'Fetch':
      return correctFetch(node, input);
  }
}

function correctSubscription(node: SubscriptionNode, input: PlannerInput): SubscriptionNode {
  const primary = correctFetch(node.primary, input);
  // The primary fetch is a root fetch (no representations): it is never split.
  if (primary.kind !== 'Fetch') throw new Error('A subscription primary fetch cannot be split');
  return { ...node, primary, ...(node.rest ? { rest: correctNode(node.rest, input) } : {}) };
}

function correctFetch(fetch: FetchNode, input: PlannerInput): PlanNode {
  let corrected = fetch.operation.includes(SYNTHETIC_PREFIX) ? withOperation(fetch, realFields(parse(fetch.operation), input)) : fetch;
  if (!fetch.requires) return corrected;
  const renamers = keyRenamers(fetch.requires, input);
  if (renamers.length === 0) return corrected;
  corrected = { ...corrected, inputRewrites: [...(corrected.inputRewrites ?? []), ...renamers.map((r) => r.rewrite)] };
  const conflicting = renamers.some((a, i) => renamers.some((b, j) => j > i && a.conflictKey === b.conflictKey));
  return conflicting ? splitByArguments(corrected, renamers, input) : corrected;
}

/** `_mosaicRequired_x` selections become `_mosaicRequired_x: field(arguments)`. */
function realFields(document: DocumentNode, input: PlannerInput): DocumentNode {
  return visit(document, {
    Field(field) {
      const required = input.required.get(field.name.value);
      if (!required) return undefined;
      return { ...field, alias: field.alias ?? field.name, name: { kind: Kind.NAME, value: required.field }, arguments: required.arguments } satisfies FieldNode;
    },
  });
}

function withOperation(fetch: FetchNode, document: DocumentNode): FetchNode {
  const operation = stripIgnoredCharacters(print(document));
  return { ...fetch, operation, ...(fetch.operationDocumentNode ? { operationDocumentNode: document } : {}) };
}

interface Renamer {
  synthetic: string;
  /** Two renamers with one key put two values under one name in the same representation. */
  conflictKey: string;
  rewrite: FetchDataRewrite;
}

function keyRenamers(requires: readonly QueryPlanSelectionNode[], input: PlannerInput): Renamer[] {
  const renamers: Renamer[] = [];
  const walk = (selections: readonly QueryPlanSelectionNode[], path: string[]) => {
    for (const selection of selections) {
      if (selection.kind === 'InlineFragment') {
        walk(selection.selections, selection.typeCondition ? [...path, `... on ${selection.typeCondition}`] : path);
        continue;
      }
      const required = input.required.get(selection.name);
      if (required) {
        renamers.push({
          synthetic: selection.name,
          conflictKey: JSON.stringify([...path, required.field]),
          rewrite: { kind: 'KeyRenamer', path: [...path, selection.alias ?? selection.name], renameKeyTo: required.field },
        });
      }
      if (selection.selections) walk(selection.selections, [...path, selection.alias ?? selection.name]);
    }
  };
  walk(requires, []);
  return renamers;
}

/**
 * One fetch per group of the fetch's fields whose required values do not collide, in parallel.
 * Fields that need no synthetic value go with the first group.
 */
function splitByArguments(fetch: FetchNode, renamers: Renamer[], input: PlannerInput): PlanNode {
  const document = parse(fetch.operation);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const entities = operation.selectionSet.selections.find((s): s is FieldNode => s.kind === Kind.FIELD && s.name.value === '_entities');
  if (!entities?.selectionSet) return fetch;
  const conflictKeyOf = new Map(renamers.map((r) => [r.synthetic, r.conflictKey]));
  const requiresOf = input.requiresOf.get(fetch.serviceName) ?? new Map<string, string[]>();
  // Per group: the synthetic fields it uses, and the (type, response name) of its fields.
  const groups: { synthetics: Set<string>; fields: Set<string> }[] = [{ synthetics: new Set(), fields: new Set() }];
  for (const fragment of entities.selectionSet.selections) {
    if (fragment.kind !== Kind.INLINE_FRAGMENT) return fetch;
    const typeName = fragment.typeCondition?.name.value;
    for (const selection of fragment.selectionSet.selections) {
      if (selection.kind !== Kind.FIELD) return fetch;
      const needs = ((typeName && requiresOf.get(`${typeName}.${selection.name.value}`)) || []).filter((s) => conflictKeyOf.has(s));
      const id = `${typeName}.${(selection.alias ?? selection.name).value}`;
      const fits = (g: (typeof groups)[number]) => needs.every((s) => g.synthetics.has(s) || ![...g.synthetics].some((t) => conflictKeyOf.get(t) === conflictKeyOf.get(s)));
      let group = groups.find(fits);
      if (!group) groups.push((group = { synthetics: new Set(), fields: new Set() }));
      for (const s of needs) group.synthetics.add(s);
      group.fields.add(id);
    }
  }
  const fetches = groups.filter((g) => g.fields.size > 0).map((group, index) => {
    const only = visit(document, {
      InlineFragment(fragment) {
        const typeName = fragment.typeCondition?.name.value;
        const kept = fragment.selectionSet.selections.filter((s: SelectionNode) => s.kind !== Kind.FIELD || group.fields.has(`${typeName}.${(s.alias ?? s.name).value}`));
        return kept.length === 0 ? null : ({ ...fragment, selectionSet: { ...fragment.selectionSet, selections: kept } } satisfies InlineFragmentNode);
      },
    });
    const { document: used, variableUsages } = withoutUnusedVariables(only);
    const ownRenamers = renamers.filter((r) => group.synthetics.has(r.synthetic));
    const otherSynthetics = new Set(renamers.filter((r) => !group.synthetics.has(r.synthetic)).map((r) => r.synthetic));
    const part: FetchNode = {
      ...withOperation(fetch, used),
      variableUsages,
      requires: withoutFields(fetch.requires!, otherSynthetics),
      inputRewrites: (fetch.inputRewrites ?? []).filter((r) => !renamers.some((own) => own.rewrite === r) || ownRenamers.some((own) => own.rewrite === r)),
      ...(index === 0 ? {} : { id: undefined }),
    };
    return part;
  });
  return fetches.length === 1 ? fetches[0]! : { kind: 'Parallel', nodes: fetches };
}

function withoutFields(selections: readonly QueryPlanSelectionNode[], names: Set<string>): QueryPlanSelectionNode[] {
  return selections
    .filter((s) => s.kind !== 'Field' || !names.has(s.name))
    .map((s) => (s.kind === 'Field' ? (s.selections ? { ...s, selections: withoutFields(s.selections, names) } : s) : { ...s, selections: withoutFields(s.selections, names) }));
}

/** Variable definitions no selection of the operation uses anymore are dropped (GraphQL rejects them). */
function withoutUnusedVariables(document: DocumentNode): { document: DocumentNode; variableUsages: string[] } {
  const used = new Set<string>();
  visit(document, {
    VariableDefinition: () => false,
    Variable(variable) {
      used.add(variable.name.value);
    },
  });
  const pruned = visit(document, { VariableDefinition: (definition) => (used.has(definition.variable.name.value) ? undefined : null) });
  return { document: pruned, variableUsages: [...used].filter((name) => name !== 'representations') };
}
