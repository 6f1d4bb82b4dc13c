import { Kind, parse, type ConstDirectiveNode, type DocumentNode } from 'graphql';

/**
 * What the supergraph's access-control directives (`@authenticated`, `@requiresScopes`,
 * `@policy`) demand, by type and by `Type.field` — read once from the supergraph, with the same
 * semantics as kit's access-directives.ts in the subgraphs: `scopes` and `policies` are OR-of-AND
 * lists, and requirements that meet (type and field) are ANDed.
 */
export interface Requirement {
  authenticated: boolean;
  scopes: string[][];
  policies: string[][];
}

export interface AccessRequirements {
  /** The requirement of selecting `Type.field`: the field's, its parent type's and its return type's, together. */
  of(typeName: string, fieldName: string, returnTypeName: string): Requirement | null;
  /** Whether anything in the supergraph is guarded at all (if not, nothing needs checking). */
  readonly any: boolean;
}

export function accessRequirements(supergraph: string | DocumentNode): AccessRequirements {
  const document = typeof supergraph === 'string' ? parse(supergraph) : supergraph;
  const byType = new Map<string, Requirement>();
  const byField = new Map<string, Requirement>();
  for (const definition of document.definitions) {
    if (!('name' in definition) || !definition.name || !('directives' in definition)) continue;
    const typeName = definition.name.value;
    const own = readRequirement(definition.directives as readonly ConstDirectiveNode[] | undefined);
    if (own) byType.set(typeName, merge(byType.get(typeName) ?? null, own)!);
    if (!('fields' in definition) || definition.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION || definition.kind === Kind.INPUT_OBJECT_TYPE_EXTENSION) continue;
    for (const field of definition.fields ?? []) {
      const requirement = readRequirement(field.directives);
      if (requirement) byField.set(`${typeName}.${field.name.value}`, requirement);
    }
  }
  const cache = new Map<string, Requirement | null>();
  return {
    any: byType.size > 0 || byField.size > 0,
    of(typeName, fieldName, returnTypeName) {
      const key = `${typeName}.${fieldName}`;
      let requirement = cache.get(key);
      if (requirement === undefined) {
        requirement = merge(merge(byType.get(typeName) ?? null, byField.get(key) ?? null), byType.get(returnTypeName) ?? null);
        cache.set(key, requirement);
      }
      return requirement;
    },
  };
}

function readRequirement(directives: readonly ConstDirectiveNode[] | undefined): Requirement | null {
  const requirement: Requirement = { authenticated: false, scopes: [], policies: [] };
  let found = false;
  for (const directive of directives ?? []) {
    const name = directive.name.value;
    if (name === 'authenticated') requirement.authenticated = true;
    else if (name === 'requiresScopes') requirement.scopes.push(...nestedStrings(directive, 'scopes'));
    else if (name === 'policy') requirement.policies.push(...nestedStrings(directive, 'policies'));
    else continue;
    found = true;
  }
  return found ? requirement : null;
}

function merge(a: Requirement | null, b: Requirement | null): Requirement | null {
  if (!a) return b;
  if (!b) return a;
  return { authenticated: a.authenticated || b.authenticated, scopes: andOf(a.scopes, b.scopes), policies: andOf(a.policies, b.policies) };
}

/** (a1 or a2) and (b1 or b2) = a1b1 or a1b2 or a2b1 or a2b2. */
function andOf(a: string[][], b: string[][]): string[][] {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  return a.flatMap((x) => b.map((y) => [...new Set([...x, ...y])]));
}

function nestedStrings(directive: ConstDirectiveNode, argument: string): string[][] {
  const value = directive.arguments?.find((a) => a.name.value === argument)?.value;
  if (value?.kind !== Kind.LIST) return [];
  return value.values.map((inner) => (inner.kind === Kind.LIST ? inner.values.flatMap((v) => (v.kind === Kind.STRING ? [v.value] : [])) : []));
}
