import { readFileSync } from 'node:fs';

/**
 * A scope a subgraph's SDL requires (`@requiresScopes`): described for people (docs, consent
 * screens) and granted to the roles listed. Each subgraph declares its own; accounts puts into a
 * token the scopes of the user's roles, read from the composed catalog — so no shared code names a
 * domain's scopes.
 */
export interface ScopeDeclaration {
  description: string;
  roles: readonly string[];
}

export type ScopeDeclarations = Readonly<Record<string, ScopeDeclaration>>;

/** Every subgraph's declarations, composed by `pnpm compose` into `schema/scopes.json`. */
export interface ScopeCatalog {
  scopes: Record<string, ScopeDeclaration & { subgraph: string }>;
}

export const SCOPE_NAME = /^[a-z][a-z0-9-]*(:[a-z][a-z0-9-]*)?$/;

export function composeScopeCatalog(subgraphs: readonly { name: string; scopes: ScopeDeclarations }[]): ScopeCatalog {
  const scopes: ScopeCatalog['scopes'] = {};
  for (const { name, scopes: declared } of subgraphs) {
    for (const [scope, declaration] of Object.entries(declared)) {
      if (!SCOPE_NAME.test(scope)) throw new Error(`${name} declares scope "${scope}": use lower-case "<area>:<action>", e.g. "todos:read".`);
      const owner = scopes[scope];
      if (owner) throw new Error(`Scope "${scope}" is declared by both ${owner.subgraph} and ${name}.`);
      scopes[scope] = { subgraph: name, description: declaration.description, roles: [...declaration.roles] };
    }
  }
  return { scopes: Object.fromEntries(Object.entries(scopes).sort(([a], [b]) => a.localeCompare(b))) };
}

export function readScopeCatalog(path: string | URL): ScopeCatalog {
  return JSON.parse(readFileSync(path, 'utf8')) as ScopeCatalog;
}

export function scopesForRoles(catalog: ScopeCatalog, roles: readonly string[]): string[] {
  return Object.entries(catalog.scopes)
    .filter(([, declaration]) => declaration.roles.some((role) => roles.includes(role)))
    .map(([scope]) => scope)
    .sort();
}
