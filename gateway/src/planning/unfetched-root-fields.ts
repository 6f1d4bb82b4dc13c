import { Kind, OperationTypeNode, parse, print, stripIgnoredCharacters, visit, type FieldNode, type OperationDefinitionNode } from 'graphql';
import type { FetchNode, PlanNode, QueryPlan } from '@apollo/query-planner';
import type { Operation } from '@apollo/federation-internals';

/**
 * A query's root field whose type is an interface or union that no object type of the
 * supergraph implements — an interface entity of one subgraph known elsewhere only as a
 * non-resolvable `@interfaceObject` — has no possible runtime type, and Apollo's planner leaves it
 * out of the plan whenever its selection asks for more than `__typename`/key fields: the client
 * gets `null` and no error, whatever the subgraph holds. The field is fetched here as asked
 * (arguments, directives) with `{ __typename }`, from the subgraph that resolves it, beside the
 * plan: a null from the subgraph stays null, anything else is an error the subgraph reports (it
 * cannot name an object type for it). Only root fields of queries (a mutation's fields run once);
 * nested fields of such types are not covered.
 */
export function withUnfetchedRootFields(plan: QueryPlan, operation: Operation, queryFieldOwners: Map<string, string>): QueryPlan {
  if (operation.rootKind !== 'query') return plan;
  const missing: FieldNode[] = [];
  let fetched: Set<string> | undefined;
  for (const selection of operation.selectionSet.selections()) {
    if (selection.kind !== 'FieldSelection') continue;
    const type = selection.element.baseType();
    if (type.kind !== 'InterfaceType' && type.kind !== 'UnionType') continue;
    if ((type.kind === 'InterfaceType' ? type.possibleRuntimeTypes() : type.types()).length > 0) continue;
    fetched ??= rootResponseNames(plan.node as PlanNode | undefined);
    if (fetched.has(selection.element.responseName())) continue;
    missing.push(selection.toSelectionNode());
  }
  if (missing.length === 0) return plan;
  const fetches = missing.flatMap((field) => {
    const serviceName = queryFieldOwners.get(field.name.value);
    return serviceName ? [typenameFetch(field, serviceName, operation)] : [];
  });
  if (fetches.length === 0) return plan;
  const nodes: PlanNode[] = plan.node ? [...fetches, plan.node as PlanNode] : fetches;
  return { ...plan, node: nodes.length === 1 ? nodes[0]! : { kind: 'Parallel', nodes } } as QueryPlan;
}

function typenameFetch(field: FieldNode, serviceName: string, operation: Operation): FetchNode {
  const selection: FieldNode = { ...field, selectionSet: { kind: Kind.SELECTION_SET, selections: [{ kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } }] } };
  const used = new Set<string>();
  visit(selection, { Variable: (v) => void used.add(v.name.value) });
  const variableDefinitions = (operation.variableDefinitions.toVariableDefinitionNodes() ?? []).filter((d) => used.has(d.variable.name.value));
  const definition: OperationDefinitionNode = {
    kind: Kind.OPERATION_DEFINITION,
    operation: OperationTypeNode.QUERY,
    variableDefinitions,
    selectionSet: { kind: Kind.SELECTION_SET, selections: [selection] },
  };
  const document = { kind: Kind.DOCUMENT, definitions: [definition] } as const;
  return {
    kind: 'Fetch',
    serviceName,
    variableUsages: [...used],
    operation: stripIgnoredCharacters(print(document)),
    operationKind: OperationTypeNode.QUERY,
    operationName: undefined,
  };
}

/** The response names a plan's root fetches (those not under a `Flatten`) select at the top. */
function rootResponseNames(node: PlanNode | undefined, into = new Set<string>()): Set<string> {
  if (!node) return into;
  switch (node.kind) {
    case 'Sequence':
    case 'Parallel':
      for (const child of node.nodes) rootResponseNames(child, into);
      break;
    case 'Condition':
      rootResponseNames(node.ifClause, into);
      rootResponseNames(node.elseClause, into);
      break;
    case 'Defer':
      rootResponseNames(node.primary.node, into);
      break;
    case 'Fetch':
      if (node.requires) break;
      for (const definition of parse(node.operation).definitions) {
        if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
        for (const s of definition.selectionSet.selections) if (s.kind === Kind.FIELD) into.add((s.alias ?? s.name).value);
      }
      break;
    case 'Flatten':
      break;
  }
  return into;
}
