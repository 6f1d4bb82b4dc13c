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
import type { CostModel, ListSize } from './cost-model';

/**
 * An operation's cost by the IBM cost spec, as Apollo Router's demand control computes it:
 * - a field costs its `@cost` weight (on the field, else on its type); without one, 1 if it
 *   returns an object, interface or union, 0 for scalars and enums; a mutation's root field 10
 *   (unless the field itself declares one); argument weights count with the field, per list item;
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

/**
 * A field of the operation with what costing it needs, worked out once per operation (the walks
 * per request then only evaluate `@skip` / `@include`, slicing arguments and the response).
 */
interface CostField {
  key: string;
  /** `@cost` (or the default) plus the weights of the arguments given. */
  weight: number;
  isList: boolean;
  listSize: ListSize | undefined;
  node: FieldNode;
  /** `@skip` / `@include` on the field and on the fragments it is selected through. */
  conditions: readonly DirectiveNode[];
  children: CostField[] | undefined;
}

const compiled = new WeakMap<OperationDefinitionNode, CostField[]>();

function compile(schema: GraphQLSchema, model: CostModel, operation: OperationDefinitionNode, fragments: Fragments): CostField[] {
  let fields = compiled.get(operation);
  if (fields) return fields;
  const root = schema.getRootType(operation.operation);
  fields = root ? compileSelection(operation.selectionSet, root, operation.operation === 'mutation', [], new Set()) : [];
  compiled.set(operation, fields);
  return fields;

  function compileSelection(selectionSet: SelectionSetNode, parent: GraphQLCompositeType, mutationRoot: boolean, conditions: readonly DirectiveNode[], seen: ReadonlySet<string>): CostField[] {
    const out: CostField[] = [];
    for (const selection of selectionSet.selections) {
      const own = [...conditions, ...(selection.directives ?? []).filter((d) => d.name.value === 'skip' || d.name.value === 'include')];
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value.startsWith('__') || !('getFields' in parent)) continue;
        const field = parent.getFields()[selection.name.value];
        if (!field) continue;
        const named = getNamedType(field.type);
        out.push({
          key: selection.alias?.value ?? selection.name.value,
          weight: baseWeight(model, parent.name, field, mutationRoot) + argumentsWeight(model, parent.name, selection, field),
          isList: isListType(getNullableType(field.type)),
          listSize: model.listSize(parent.name, field.name),
          node: selection,
          conditions: own,
          children: selection.selectionSet && isCompositeType(named) ? compileSelection(selection.selectionSet, named, false, [], seen) : undefined,
        });
        continue;
      }
      // Fragments count as selected (on abstract types, all of them: conservative).
      const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? fragments.get(selection.name.value) : selection;
      if (!fragment) continue;
      if (selection.kind === Kind.FRAGMENT_SPREAD && seen.has(selection.name.value)) continue;
      const inner = selection.kind === Kind.FRAGMENT_SPREAD ? new Set(seen).add(selection.name.value) : seen;
      const condition = fragment.typeCondition ? schema.getType(fragment.typeCondition.name.value) : parent;
      out.push(...compileSelection(fragment.selectionSet, condition && isCompositeType(condition) ? condition : parent, mutationRoot, own, inner));
    }
    return out;
  }
}

export function estimatedCost(schema: GraphQLSchema, model: CostModel, operation: OperationDefinitionNode, fragments: Fragments, variables: Variables, options: CostOptions): number {
  return selectionCost(compile(schema, model, operation, fragments), undefined);

  function selectionCost(fields: CostField[], sizedFields: { names: string[]; size: number } | undefined): number {
    let total = 0;
    for (const field of fields) {
      if (skipped(field.conditions, variables)) continue;
      const { listSize } = field;
      const size = listSize ? sizeFromArguments(listSize, field.node, variables) : undefined;
      const sized = sizedFields?.names.includes(field.node.name.value) ? sizedFields.size : undefined;
      const children = field.children
        ? selectionCost(field.children, listSize && listSize.sizedFields.length > 0 ? { names: listSize.sizedFields, size: size ?? listSize.assumedSize ?? options.defaultListSize } : undefined)
        : 0;
      const perItem = field.weight + children;
      if (!field.isList) total += perItem;
      else total += perItem * (sized ?? (listSize && listSize.sizedFields.length === 0 ? (size ?? listSize.assumedSize) : undefined) ?? options.defaultListSize);
    }
    return total;
  }
}

/** The cost of what the response holds: list sizes as returned, nulls cost nothing below them. */
export function actualCost(schema: GraphQLSchema, model: CostModel, operation: OperationDefinitionNode, fragments: Fragments, variables: Variables, data: unknown): number {
  if (data === null || typeof data !== 'object') return 0;
  return objectCost(data as Record<string, unknown>, compile(schema, model, operation, fragments));

  function objectCost(object: Record<string, unknown>, fields: CostField[]): number {
    let total = 0;
    for (const field of fields) {
      if (field.conditions.length > 0 && skipped(field.conditions, variables)) continue;
      const value = object[field.key];
      if (value !== undefined) total += valueCost(value, field);
    }
    return total;
  }

  function valueCost(value: unknown, field: CostField): number {
    if (value === null) return 0;
    if (Array.isArray(value)) {
      let total = 0;
      for (const item of value) total += valueCost(item, field);
      return total;
    }
    if (!field.children || typeof value !== 'object') return field.weight;
    return field.weight + objectCost(value as Record<string, unknown>, field.children);
  }
}

function baseWeight(model: CostModel, typeName: string, field: GraphQLField<unknown, unknown>, mutationRoot: boolean): number {
  const named = getNamedType(field.type);
  // A mutation's root field costs 10 unless the field itself declares a weight (its type's does not count).
  if (mutationRoot) return model.fieldWeight(typeName, field.name, '') ?? 10;
  return model.fieldWeight(typeName, field.name, named.name) ?? (isCompositeType(named) ? 1 : 0);
}

function argumentsWeight(model: CostModel, typeName: string, node: FieldNode, field: GraphQLField<unknown, unknown>): number {
  let total = 0;
  for (const argument of node.arguments ?? []) if (field.args.some((a) => a.name === argument.name.value)) total += model.argumentWeight(typeName, field.name, argument.name.value);
  return total;
}

function sizeFromArguments(listSize: ListSize, node: FieldNode, variables: Variables): number | undefined {
  for (const name of listSize.slicingArguments) {
    const argument = node.arguments?.find((a) => a.name.value === name);
    if (!argument) continue;
    const value = valueFromASTUntyped(argument.value, variables);
    if (typeof value === 'number' && Number.isFinite(value)) return Math.max(0, value);
  }
  return undefined;
}

function skipped(directives: readonly DirectiveNode[], variables: Variables): boolean {
  for (const directive of directives) {
    const name = directive.name.value;
    const condition = directive.arguments?.find((a) => a.name.value === 'if');
    const value = condition ? valueFromASTUntyped(condition.value, variables) : undefined;
    if (name === 'skip' && value === true) return true;
    if (name === 'include' && value === false) return true;
  }
  return false;
}
