import {
  defaultFieldResolver,
  isObjectType,
  isIntrospectionType,
  Kind,
  type ConstDirectiveNode,
  type GraphQLFieldResolver,
  type GraphQLObjectType,
  type GraphQLSchema,
  type ASTNode,
} from 'graphql';
import { ForbiddenError, UnauthenticatedError } from '../errors/errors';
import type { ServicePrincipal, Viewer } from './viewer';

/**
 * Enforces Apollo's access-control directives (`@authenticated`, `@requiresScopes`, `@policy`)
 * inside the subgraph. @apollo/gateway does not evaluate them, and a subgraph must not trust that a
 * caller went through the gateway anyway — so every field resolver, and every entity
 * `__resolveReference` (what `_entities` calls), checks what its SDL declares.
 *
 * Semantics follow Apollo's: a type-level directive applies to each of its fields; `scopes` and
 * `policies` are OR-of-AND lists (`[["a", "b"], ["c"]]` = (a and b) or c).
 */
export interface AccessContext {
  viewer: Viewer | null;
  /** A client-credentials caller (no user): passes `@requiresScopes` with its scopes, nothing else. */
  service?: ServicePrincipal | null;
}

export type Policy<C extends AccessContext> = (ctx: C, parent: unknown, args: Record<string, unknown>) => boolean | Promise<boolean>;
export type Policies<C extends AccessContext> = Record<string, Policy<C>>;

interface Requirement {
  authenticated: boolean;
  scopes: string[][];
  policies: string[][];
}

export function enforceAccessDirectives<C extends AccessContext>(schema: GraphQLSchema, policies: Policies<C>): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || isIntrospectionType(type) || type.name.startsWith('_')) continue;
    const typeRequirement = readRequirement([type.astNode, ...type.extensionASTNodes]);
    for (const field of Object.values(type.getFields())) {
      const requirement = merge(typeRequirement, readRequirement([field.astNode]));
      if (!requirement) continue;
      assertPoliciesExist(requirement, policies, `${type.name}.${field.name}`);
      field.resolve = guard(requirement, policies, field.resolve ?? defaultFieldResolver);
      // Subscriptions are checked when the stream is opened, before any event flows.
      if (field.subscribe) field.subscribe = guard(requirement, policies, field.subscribe);
    }
    if (typeRequirement) wrapResolveReference(type, typeRequirement, policies);
  }
  return schema;
}

function guard<C extends AccessContext>(
  requirement: Requirement,
  policies: Policies<C>,
  resolve: GraphQLFieldResolver<unknown, C>,
): GraphQLFieldResolver<unknown, C> {
  return async (parent, args, ctx, info) => {
    await assertAccess(requirement, policies, ctx, parent, args);
    return resolve(parent, args, ctx, info);
  };
}

async function assertAccess<C extends AccessContext>(
  requirement: Requirement,
  policies: Policies<C>,
  ctx: C,
  parent: unknown,
  args: Record<string, unknown>,
): Promise<void> {
  const viewer = ctx.viewer;
  const service = viewer ? null : (ctx.service ?? null);
  if (!viewer && !service && (requirement.authenticated || requirement.scopes.length > 0)) throw new UnauthenticatedError();
  if (service && requirement.authenticated) {
    throw new ForbiddenError("This needs a user's access token; an app's own (client-credentials) token speaks for no user.");
  }
  // A third-party app reaches only what a scope the user granted it covers: fields guarded by
  // @authenticated or @policy alone (chat, account security…) stay with Mosaic's own clients.
  if (viewer?.clientId && requirement.scopes.length === 0) {
    throw new ForbiddenError('Apps can use only what a scope covers, and this field needs none: it is for Mosaic itself.');
  }
  const scopes = viewer?.scopes ?? service?.scopes;
  if (scopes && requirement.scopes.length > 0 && !requirement.scopes.some((all) => all.every((s) => scopes.has(s)))) {
    throw new ForbiddenError('Your token does not carry the scope this needs.', { requiredScopes: requirement.scopes });
  }
  if (requirement.policies.length === 0) return;
  // Policies decide for themselves whether an anonymous caller may pass.
  for (const all of requirement.policies) {
    let satisfied = true;
    for (const name of all) {
      if (!(await policies[name]!(ctx, parent, args))) {
        satisfied = false;
        break;
      }
    }
    if (satisfied) return;
  }
  throw viewer || service ? new ForbiddenError('You are not allowed to see or change this.') : new UnauthenticatedError();
}

interface ResolveReferenceExtension {
  apollo?: { subgraph?: { resolveReference?: (ref: unknown, ctx: unknown, info: unknown) => unknown } };
}

function wrapResolveReference<C extends AccessContext>(type: GraphQLObjectType, requirement: Requirement, policies: Policies<C>) {
  const subgraph = (type.extensions as ResolveReferenceExtension).apollo?.subgraph;
  const resolveReference = subgraph?.resolveReference;
  if (!subgraph || !resolveReference) return;
  subgraph.resolveReference = async (reference, ctx, info) => {
    await assertAccess(requirement, policies, ctx as C, reference, {});
    return resolveReference(reference, ctx, info);
  };
}

function readRequirement(nodes: readonly (ASTNode | null | undefined)[]): Requirement | null {
  const requirement: Requirement = { authenticated: false, scopes: [], policies: [] };
  let found = false;
  for (const node of nodes) {
    const directives = node && 'directives' in node ? (node.directives as readonly ConstDirectiveNode[] | undefined) : undefined;
    for (const directive of directives ?? []) {
      const name = directive.name.value;
      if (name === 'authenticated') requirement.authenticated = true;
      else if (name === 'requiresScopes') requirement.scopes.push(...readNestedStrings(directive, 'scopes'));
      else if (name === 'policy') requirement.policies.push(...readNestedStrings(directive, 'policies'));
      else continue;
      found = true;
    }
  }
  return found ? requirement : null;
}

/** Type-level and field-level requirements both apply (AND). */
function merge(a: Requirement | null, b: Requirement | null): Requirement | null {
  if (!a) return b;
  if (!b) return a;
  return {
    authenticated: a.authenticated || b.authenticated,
    scopes: andOf(a.scopes, b.scopes),
    policies: andOf(a.policies, b.policies),
  };
}

/** (a1 or a2) and (b1 or b2) = a1b1 or a1b2 or a2b1 or a2b2. */
function andOf(a: string[][], b: string[][]): string[][] {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  return a.flatMap((x) => b.map((y) => [...new Set([...x, ...y])]));
}

function readNestedStrings(directive: ConstDirectiveNode, argument: string): string[][] {
  const value = directive.arguments?.find((a) => a.name.value === argument)?.value;
  if (value?.kind !== Kind.LIST) return [];
  return value.values.map((inner) =>
    inner.kind === Kind.LIST ? inner.values.flatMap((v) => (v.kind === Kind.STRING ? [v.value] : [])) : [],
  );
}

function assertPoliciesExist<C extends AccessContext>(requirement: Requirement, policies: Policies<C>, coordinate: string) {
  for (const name of requirement.policies.flat()) {
    if (!policies[name]) throw new Error(`${coordinate} declares @policy "${name}" but the subgraph registers no such policy.`);
  }
}
