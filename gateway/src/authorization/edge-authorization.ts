import {
  getNamedType,
  isAbstractType,
  isObjectType,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type NamedTypeNode,
  type SelectionNode,
  type SelectionSetNode,
} from 'graphql';
import { ForbiddenError, UnauthenticatedError, type Viewer } from '@mosaic/kit';
import type { AccessRequirements, Requirement } from './access-requirements';

/**
 * Authorization at the edge: before a query is planned, the fields the viewer may not select
 * (by the supergraph's `@authenticated`, `@requiresScopes` and the viewer-only policies) are
 * removed from it — so the subgraph calls only they would cause are never made — and after
 * execution each such field is `null` in the response with an error at its path, as Apollo Router
 * does. The error is the one the subgraph would have given (UNAUTHENTICATED / FORBIDDEN, the same
 * messages as kit's access-directives.ts). Subgraphs keep enforcing every directive (defence in
 * depth): a policy that needs the object (`self`) can only be decided there, so it passes here.
 */
export type Denial = 'unauthenticated' | 'scope' | 'policy' | 'app';

/** Policies that depend on the viewer alone, decidable before planning. */
const VIEWER_POLICIES: Record<string, (viewer: Viewer) => boolean> = {
  admin: (viewer) => viewer.roles.includes('admin'),
};

/**
 * Why the viewer may not select a field with this requirement, or null. Kit's rules, in its order;
 * for `@policy`, an alternative (AND list) fails here only through a viewer-only policy that fails
 * — any other policy in it is left to the subgraph, which may still let it pass.
 */
export function denialFor(requirement: Requirement, viewer: Viewer | null): Denial | null {
  if (!viewer) return requirement.authenticated || requirement.scopes.length > 0 ? 'unauthenticated' : null;
  if (viewer.clientId && requirement.scopes.length === 0) return 'app';
  if (requirement.scopes.length > 0 && !requirement.scopes.some((all) => all.every((s) => viewer.scopes.has(s)))) return 'scope';
  if (requirement.policies.length === 0) return null;
  const mayPass = requirement.policies.some((all) => all.every((name) => VIEWER_POLICIES[name]?.(viewer) ?? true));
  return mayPass ? null : 'policy';
}

export function denialError(denial: Denial, path: readonly (string | number)[], requirement?: Requirement) {
  const error =
    denial === 'unauthenticated'
      ? new UnauthenticatedError()
      : denial === 'app'
        ? new ForbiddenError('Apps can use only what a scope covers, and this field needs none: it is for Mosaic itself.')
        : denial === 'scope'
          ? new ForbiddenError('Your token does not carry the scope this needs.', { requiredScopes: requirement?.scopes ?? [] })
          : new ForbiddenError('You are not allowed to see or change this.');
  return Object.assign(error, { path });
}

/** A document with the denied fields removed, and what is needed to put them back as nulls. */
export interface AuthorizedDocument {
  document: DocumentNode;
  /** The removed field nodes of the original document, with why. */
  denied: Map<FieldNode, { denial: Denial; requirement: Requirement }>;
  /** No root field is left: nothing to plan or execute. */
  empty: boolean;
}

/** Response key of the `__typename` added where a removal could leave a selection empty, or under abstract types. */
export const PLACEHOLDER = '__mosaicAuthTypename';

export function authorizeDocument(schema: GraphQLSchema, requirements: AccessRequirements, document: DocumentNode, viewer: Viewer | null): AuthorizedDocument | null {
  const denied = new Map<FieldNode, { denial: Denial; requirement: Requirement }>();
  const typeInfo = new TypeInfo(schema);
  const filtered = visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const parent = typeInfo.getParentType();
        const field = typeInfo.getFieldDef();
        if (!parent || !field || node.name.value.startsWith('__')) return undefined;
        const requirement = requirements.of(parent.name, field.name, getNamedType(field.type).name);
        const denial = requirement ? denialFor(requirement, viewer) : null;
        if (!denial) return undefined;
        denied.set(node, { denial, requirement: requirement! });
        return null;
      },
    }),
  );
  if (denied.size === 0) return null;
  // Selection sets left empty get a `__typename`, and so does every selection set of an abstract
  // type: putting nulls back in fragments needs the object's type.
  const withTypenames = visit(filtered, {
    SelectionSet: {
      leave(node, _key, parent) {
        const isRoot = parent !== undefined && !Array.isArray(parent) && (parent as { kind?: string }).kind === Kind.OPERATION_DEFINITION;
        if (isRoot) return undefined;
        return { ...node, selections: [...node.selections, placeholder()] } satisfies SelectionSetNode;
      },
    },
  });
  const operation = withTypenames.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  const empty = !operation || operation.selectionSet.selections.length === 0;
  return { document: withTypenames, denied, empty };
}

function placeholder(): FieldNode {
  return { kind: Kind.FIELD, alias: { kind: Kind.NAME, value: PLACEHOLDER }, name: { kind: Kind.NAME, value: '__typename' } };
}

type Json = Record<string, unknown>;

/** Where a response's deferred payload sits, as deferred-delivery.ts sends it. */
export interface DeferredEntry {
  data: Json | null;
  path: (string | number)[];
  label?: string;
}

/**
 * Walks the response along the client's original document: each denied field becomes `null` on
 * every object that holds it, with an error at that path; the added `__typename`s are removed.
 * With @defer, the first payload skips the deferred fragments: each of their denied fields is put
 * back in the deferred payload that carries the fragment (`restoreDeniedInDeferred`).
 */
export function restoreDenied(
  schema: GraphQLSchema,
  original: DocumentNode,
  operationName: string | null | undefined,
  authorized: AuthorizedDocument,
  data: Json | null | undefined,
  variables?: Record<string, unknown>,
): { data: Json | null | undefined; errors: ReturnType<typeof denialError>[] } {
  const restorer = restorerFor(schema, original, operationName, authorized, variables);
  const root = data ?? (authorized.empty ? {} : data);
  if (!restorer || !root) return { data, errors: [] };
  restorer.walkObject(root as Json, restorer.rootType, restorer.operation.selectionSet, []);
  return { data: root as Json, errors: restorer.errors };
}

/** The denied fields of the deferred fragment(s) an entry carries, put back in its data; their errors. */
export function restoreDeniedInDeferred(
  schema: GraphQLSchema,
  original: DocumentNode,
  operationName: string | null | undefined,
  authorized: AuthorizedDocument,
  entry: DeferredEntry,
  variables?: Record<string, unknown>,
): ReturnType<typeof denialError>[] {
  const restorer = restorerFor(schema, original, operationName, authorized, variables);
  if (!restorer || !entry.data) return [];
  let levels: { type: GraphQLCompositeType; selectionSet: SelectionSetNode }[] = [{ type: restorer.rootType, selectionSet: restorer.operation.selectionSet }];
  for (const key of entry.path) {
    if (typeof key === 'number') continue;
    const next: typeof levels = [];
    for (const level of levels) restorer.fieldsNamed(level.selectionSet, level.type, key, (type, selectionSet) => next.push({ type, selectionSet }));
    levels = next;
  }
  for (const level of levels) restorer.deferredFragments(level.selectionSet, level.type, entry.label, (type, selectionSet) => restorer.walkObject(entry.data!, type, selectionSet, entry.path));
  delete entry.data[PLACEHOLDER];
  return restorer.errors;
}

function restorerFor(schema: GraphQLSchema, original: DocumentNode, operationName: string | null | undefined, authorized: AuthorizedDocument, variables: Record<string, unknown> | undefined) {
  const errors: ReturnType<typeof denialError>[] = [];
  const operation = original.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION && (!operationName || d.name?.value === operationName));
  if (!operation || operation.kind !== Kind.OPERATION_DEFINITION) return undefined;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of original.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const rootType = schema.getRootType(operation.operation);
  if (!rootType) return undefined;
  const fragmentOf = (selection: SelectionNode) => (selection.kind === Kind.FRAGMENT_SPREAD ? fragments.get(selection.name.value) : selection.kind === Kind.INLINE_FRAGMENT ? selection : undefined);
  const conditionOf = (fragment: { typeCondition?: NamedTypeNode | undefined }, parentType: GraphQLCompositeType) =>
    fragment.typeCondition ? (schema.getType(fragment.typeCondition.name.value) as GraphQLCompositeType | undefined) : parentType;

  const walkValue = (value: unknown, type: GraphQLCompositeType, selectionSet: SelectionSetNode, path: (string | number)[]) => {
    if (value === null || value === undefined) return;
    if (Array.isArray(value)) {
      value.forEach((element, i) => walkValue(element, type, selectionSet, [...path, i]));
      return;
    }
    walkObject(value as Json, type, selectionSet, path);
    delete (value as Json)[PLACEHOLDER];
  };
  const walkObject = (object: Json, parentType: GraphQLCompositeType, selectionSet: SelectionSetNode, path: (string | number)[]) => {
    const typename = typeof object[PLACEHOLDER] === 'string' ? (object[PLACEHOLDER] as string) : isObjectType(parentType) ? parentType.name : undefined;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        const denied = authorized.denied.get(selection);
        if (denied) {
          if (!(key in object)) {
            object[key] = null;
            errors.push(denialError(denied.denial, [...path, key], denied.requirement));
          }
          continue;
        }
        if (selection.selectionSet && 'getFields' in parentType) {
          const field = parentType.getFields()[selection.name.value];
          if (field) walkValue(object[key], getNamedType(field.type) as GraphQLCompositeType, selection.selectionSet, [...path, key]);
        }
        continue;
      }
      // A deferred fragment's fields arrive in a later payload (restoreDeniedInDeferred).
      if (deferOf(selection, variables)) continue;
      const fragment = fragmentOf(selection);
      if (!fragment) continue;
      const condition = conditionOf(fragment, parentType);
      if (!condition) continue;
      const applies = condition === parentType || (typename !== undefined && (condition.name === typename || (isAbstractType(condition) && schema.isSubType(condition, schema.getType(typename) as never))));
      if (applies) walkObject(object, condition, fragment.selectionSet, path);
    }
  };
  /** The selection sets of fields with this response name, through every fragment. */
  const fieldsNamed = (selectionSet: SelectionSetNode, parentType: GraphQLCompositeType, responseName: string, found: (type: GraphQLCompositeType, selectionSet: SelectionSetNode) => void): void => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if ((selection.alias?.value ?? selection.name.value) !== responseName || !selection.selectionSet || !('getFields' in parentType)) continue;
        const field = parentType.getFields()[selection.name.value];
        if (field) found(getNamedType(field.type) as GraphQLCompositeType, selection.selectionSet);
        continue;
      }
      const fragment = fragmentOf(selection);
      const condition = fragment && conditionOf(fragment, parentType);
      if (fragment && condition) fieldsNamed(fragment.selectionSet, condition, responseName, found);
    }
  };
  /** The active @defer fragments (with this label) directly at this level, or inside its non-deferred fragments. */
  const deferredFragments = (selectionSet: SelectionSetNode, parentType: GraphQLCompositeType, label: string | undefined, found: (type: GraphQLCompositeType, selectionSet: SelectionSetNode) => void): void => {
    for (const selection of selectionSet.selections) {
      const fragment = fragmentOf(selection);
      const condition = fragment && conditionOf(fragment, parentType);
      if (!fragment || !condition) continue;
      const defer = deferOf(selection, variables);
      if (!defer) deferredFragments(fragment.selectionSet, condition, label, found);
      else if (defer.label === label) found(condition, fragment.selectionSet);
    }
  };
  return { errors, operation, rootType, walkObject, fieldsNamed, deferredFragments };
}

/** The selection's @defer if it takes effect (`if` absent, true, or a variable not false), with its label. */
function deferOf(selection: SelectionNode, variables: Record<string, unknown> | undefined): { label: string | undefined } | undefined {
  const directive = selection.directives?.find((d) => d.name.value === 'defer');
  if (!directive) return undefined;
  const condition = directive.arguments?.find((a) => a.name.value === 'if')?.value;
  if (condition?.kind === Kind.BOOLEAN && !condition.value) return undefined;
  if (condition?.kind === Kind.VARIABLE && variables?.[condition.name.value] === false) return undefined;
  const label = directive.arguments?.find((a) => a.name.value === 'label')?.value;
  return { label: label?.kind === Kind.STRING ? label.value : undefined };
}
