import {
  getNamedType,
  isAbstractType,
  isCompositeType,
  isObjectType,
  isInterfaceType,
  Kind,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLNamedType,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { CacheHints, CacheScope } from './cache-hints';

/** How long a result may be cached and for whom; `maxAge` 0: not at all. */
export interface CachePolicy {
  maxAge: number;
  scope: CacheScope;
}

interface Walk {
  hints: CacheHints;
  fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  policy: { maxAge: number; scope: CacheScope };
}

/**
 * Apollo Server's cache-control rules, applied to a selection before it runs (the gateway has the
 * supergraph, not the resolvers): a field's maxAge is its own hint's, else its return type's, else
 * its parent's with `inheritMaxAge`; fields returning objects, interfaces or unions and root fields
 * default to 0, leaf fields to their parent's. A field returning an interface or union with no
 * hint of its own takes the smallest hint of the types it may resolve to (the one that resolves
 * is known only at run time). The result is the smallest maxAge of every selected field, PRIVATE
 * when any hint says so or any access-guarded field is selected.
 */
function walk(state: Walk, parentType: GraphQLCompositeType, selectionSet: SelectionSetNode, parentMaxAge: number, root: boolean): void {
  const { hints, policy } = state;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      const name = selection.name.value;
      if (name === '__typename') continue;
      const field = isObjectType(parentType) || isInterfaceType(parentType) ? parentType.getFields()[name] : undefined;
      if (!field) {
        // Introspection (and anything the schema does not know) is never cached.
        policy.maxAge = 0;
        continue;
      }
      const returnType = getNamedType(field.type);
      const maxAge = fieldMaxAge(hints, field, returnType, parentMaxAge, root);
      policy.maxAge = Math.min(policy.maxAge, maxAge);
      if (hints.fieldHint(field)?.scope === 'PRIVATE' || typeScope(hints, returnType) === 'PRIVATE' || hints.guarded(field, returnType)) policy.scope = 'PRIVATE';
      if (selection.selectionSet && isCompositeType(returnType)) walk(state, returnType, selection.selectionSet, maxAge, false);
    } else {
      const typeName = selection.kind === Kind.INLINE_FRAGMENT ? selection.typeCondition?.name.value : state.fragments.get(selection.name.value)?.typeCondition.name.value;
      const selections = selection.kind === Kind.INLINE_FRAGMENT ? selection.selectionSet : state.fragments.get(selection.name.value)?.selectionSet;
      const type = typeName ? hints.schema.getType(typeName) : parentType;
      if (!selections || !type || !isCompositeType(type)) {
        policy.maxAge = 0;
        continue;
      }
      walk(state, type, selections, parentMaxAge, root);
    }
  }
}

function fieldMaxAge(hints: CacheHints, field: Parameters<CacheHints['fieldHint']>[0], returnType: GraphQLNamedType, parentMaxAge: number, root: boolean): number {
  const own = hints.fieldHint(field);
  if (own?.maxAge !== undefined) return own.maxAge;
  if (own?.inheritMaxAge) return parentMaxAge;
  const composite = isCompositeType(returnType);
  const ofType = composite ? hints.typeHint(returnType) : undefined;
  if (ofType?.maxAge !== undefined) return ofType.maxAge;
  if (ofType?.inheritMaxAge) return parentMaxAge;
  if (isAbstractType(returnType)) {
    const possible = hints.schema.getPossibleTypes(returnType);
    if (possible.length === 0) return 0;
    return Math.min(...possible.map((type) => {
      const hint = hints.typeHint(type);
      return hint?.maxAge ?? (hint?.inheritMaxAge ? parentMaxAge : 0);
    }));
  }
  return composite || root ? 0 : parentMaxAge;
}

function typeScope(hints: CacheHints, type: GraphQLNamedType): CacheScope | undefined {
  if (!isCompositeType(type)) return undefined;
  if (hints.typeHint(type)?.scope === 'PRIVATE') return 'PRIVATE';
  if (isAbstractType(type) && hints.schema.getPossibleTypes(type).some((t) => hints.typeHint(t)?.scope === 'PRIVATE')) return 'PRIVATE';
  return undefined;
}

/** The policy of a client's query operation (the response cache, and the `Cache-Control` header). */
export function operationPolicy(hints: CacheHints, operation: OperationDefinitionNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>): CachePolicy {
  const queryType = hints.schema.getQueryType();
  if (operation.operation !== 'query' || !queryType) return { maxAge: 0, scope: 'PUBLIC' };
  const state: Walk = { hints, fragments, policy: { maxAge: Infinity, scope: 'PUBLIC' } };
  walk(state, queryType, operation.selectionSet, 0, true);
  return { maxAge: Number.isFinite(state.policy.maxAge) ? state.policy.maxAge : 0, scope: state.policy.scope };
}

/**
 * The policy of each entity type an `_entities` fetch selects (`... on Product { … }`): the
 * entity type's own hint starts it (no hint: not cached), then its selection is walked as above.
 */
export function entityPolicies(hints: CacheHints, entitiesSelection: SelectionSetNode, fragments: ReadonlyMap<string, FragmentDefinitionNode> = new Map()): Map<string, CachePolicy> {
  const policies = new Map<string, CachePolicy>();
  for (const selection of entitiesSelection.selections) {
    const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? fragments.get(selection.name.value) : selection.kind === Kind.INLINE_FRAGMENT ? selection : undefined;
    if (!fragment?.typeCondition) continue;
    const typeName = fragment.typeCondition.name.value;
    const type = hints.schema.getType(typeName);
    if (!type || !isObjectType(type)) continue;
    const hint = hints.typeHint(type);
    const state: Walk = { hints, fragments, policy: { maxAge: hint?.maxAge ?? 0, scope: hint?.scope ?? 'PUBLIC' } };
    walk(state, type, fragment.selectionSet, state.policy.maxAge, false);
    const previous = policies.get(typeName);
    policies.set(typeName, previous ? { maxAge: Math.min(previous.maxAge, state.policy.maxAge), scope: previous.scope === 'PRIVATE' ? 'PRIVATE' : state.policy.scope } : state.policy);
  }
  return policies;
}
