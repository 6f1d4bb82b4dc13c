import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  Kind,
  valueFromASTUntyped,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type DirectiveNode,
} from 'graphql';
import type { CostModel } from './cost-model';

/**
 * An operation's cost by the IBM cost spec, as Apollo Router's demand control computes it:
 * - a field costs its `@cost` weight (on the field, else on its type); without one, 1 if it
 *   returns an object, interface or union, 0 for scalars and enums; a mutation's root field 10;
 * - plus the weights of the arguments it is given, plus its selection's cost;
 * - a list multiplies (weight + selection) by its size: in the estimate, the first slicing argument
 *   given (`@listSize(slicingArguments:)`), else `assumedSize`, else the configured default; a
 *   size for `sizedFields` (e.g. a connection's `edges`) applies to those child fields instead;
 *   in the actual cost, the number of items the response holds.
 * Fragments count as selected (on abstract types, conservatively, all of them); `@skip` / `@include`
 * are evaluated.
 */
export interface CostOptions {
  /** List size when a list field declares none (Router's `list_size`). */
  defaultListSize: number;
}

type Variables = Record<string, unknown> | undefined;
type Fragments = Map<string, FragmentDefinitionNode>;

export function estimatedCost(schema: GraphQLSchema, model: CostModel, operation: OperationDefinitionNode, fragments: Fragments, variables: Variables, options: CostOptions): number {
  const root = schema.getRootType(operation.operation);
  if (!root) return 0;
  return selectionCost(operation.selectionSet, root, operation.operation === 'mutation');

  function selectionCost(selectionSet: SelectionSetNode, parent: GraphQLCompositeType, mutationRoot: boolean, sizedFields?: { names: string[]; size: number }): number {
    let total = 0;
    forEachField(schema, selectionSet, parent, fragments, variables, (node, field, parentType) => {
      const listSize = model.listSize(parentType.name, field.name);
      const sized = sizedFields?.names.includes(node.name.value) ? sizedFields.size : undefined;
      const size = listSize ? sizeFromArguments(listSize, node, variables) : undefined;
      const named = getNamedType(field.type);
      const weight = baseWeight(model, parentType.name, field, mutationRoot) + argumentsWeight(model, parentType.name, node, field);
      const children =
        node.selectionSet && isCompositeType(named)
          ? selectionCost(node.selectionSet, named, false, listSize && listSize.sizedFields.length > 0 ? { names: listSize.sizedFields, size: size ?? listSize.assumedSize ?? options.defaultListSize } : undefined)
          : 0;
      const isList = isListType(getNullableType(field.type));
      const perItem = weight + children;
      if (!isList) total += perItem;
      else total += perItem * (sized ?? (listSize && listSize.sizedFields.length === 0 ? (size ?? listSize.assumedSize) : undefined) ?? options.defaultListSize);
    });
    return total;
  }
}

/** The cost of what the response holds: list sizes as returned, nulls cost nothing below them. */
export function actualCost(schema: GraphQLSchema, model: CostModel, operation: OperationDefinitionNode, fragments: Fragments, variables: Variables, data: unknown): number {
  const root = schema.getRootType(operation.operation);
  if (!root || data === null || typeof data !== 'object') return 0;
  return objectCost(data as Record<string, unknown>, operation.selectionSet, root, operation.operation === 'mutation');

  function objectCost(object: Record<string, unknown>, selectionSet: SelectionSetNode, parent: GraphQLCompositeType, mutationRoot: boolean): number {
    let total = 0;
    forEachField(schema, selectionSet, parent, fragments, variables, (node, field, parentType) => {
      const key = node.alias?.value ?? node.name.value;
      if (!(key in object)) return;
      const weight = baseWeight(model, parentType.name, field, mutationRoot) + argumentsWeight(model, parentType.name, node, field);
      const named = getNamedType(field.type);
      total += valueCost(object[key], weight, node, isCompositeType(named) ? named : undefined);
    });
    return total;
  }

  function valueCost(value: unknown, weight: number, node: FieldNode, type: GraphQLCompositeType | undefined): number {
    if (value === null || value === undefined) return 0;
    if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + valueCost(item, weight, node, type), 0);
    if (!type || !node.selectionSet || typeof value !== 'object') return weight;
    return weight + objectCost(value as Record<string, unknown>, node.selectionSet, typeFor(value as Record<string, unknown>, type), false);
  }

  function typeFor(object: Record<string, unknown>, type: GraphQLCompositeType): GraphQLCompositeType {
    const typename = object.__typename;
    const concrete = typeof typename === 'string' ? schema.getType(typename) : undefined;
    return concrete && isCompositeType(concrete) ? concrete : type;
  }
}

function baseWeight(model: CostModel, typeName: string, field: GraphQLField<unknown, unknown>, mutationRoot: boolean): number {
  const named = getNamedType(field.type);
  const declared = model.fieldWeight(typeName, field.name, named.name);
  if (declared !== undefined) return declared;
  if (mutationRoot) return 10;
  return isCompositeType(named) ? 1 : 0;
}

function argumentsWeight(model: CostModel, typeName: string, node: FieldNode, field: GraphQLField<unknown, unknown>): number {
  let total = 0;
  for (const argument of node.arguments ?? []) if (field.args.some((a) => a.name === argument.name.value)) total += model.argumentWeight(typeName, field.name, argument.name.value);
  return total;
}

function sizeFromArguments(listSize: { slicingArguments: string[] }, node: FieldNode, variables: Variables): number | undefined {
  for (const name of listSize.slicingArguments) {
    const argument = node.arguments?.find((a) => a.name.value === name);
    if (!argument) continue;
    const value = valueFromASTUntyped(argument.value, variables);
    if (typeof value === 'number' && Number.isFinite(value)) return Math.max(0, value);
  }
  return undefined;
}

function forEachField(
  schema: GraphQLSchema,
  selectionSet: SelectionSetNode,
  parent: GraphQLCompositeType,
  fragments: Fragments,
  variables: Variables,
  visit: (node: FieldNode, field: GraphQLField<unknown, unknown>, parentType: GraphQLCompositeType) => void,
  seen: Set<string> = new Set(),
): void {
  for (const selection of selectionSet.selections) {
    if (skipped(selection.directives, variables)) continue;
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value.startsWith('__') || !('getFields' in parent)) continue;
      const field = parent.getFields()[selection.name.value];
      if (field) visit(selection, field, parent);
      continue;
    }
    const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? fragments.get(selection.name.value) : selection;
    if (!fragment) continue;
    if (selection.kind === Kind.FRAGMENT_SPREAD) {
      if (seen.has(selection.name.value)) continue;
      seen = new Set(seen).add(selection.name.value);
    }
    const condition = fragment.typeCondition ? schema.getType(fragment.typeCondition.name.value) : parent;
    forEachField(schema, fragment.selectionSet, condition && isCompositeType(condition) ? condition : parent, fragments, variables, visit, seen);
  }
}

function skipped(directives: readonly DirectiveNode[] | undefined, variables: Variables): boolean {
  for (const directive of directives ?? []) {
    const name = directive.name.value;
    if (name !== 'skip' && name !== 'include') continue;
    const condition = directive.arguments?.find((a) => a.name.value === 'if');
    const value = condition ? valueFromASTUntyped(condition.value, variables) : undefined;
    if (name === 'skip' && value === true) return true;
    if (name === 'include' && value === false) return true;
  }
  return false;
}
