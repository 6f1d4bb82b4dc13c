import { GATEWAY_PATHS } from './gateway-paths';

/** One public path prefix (`DeploymentTraits.publicPaths`) and who serves it: a subgraph's name, or an upstream's URL. */
export interface PublicPath {
  prefix: string;
  owner: string;
}

/**
 * Checks the declared prefixes (each starts with "/", none is one of the gateway's own paths, no two
 * subgraphs claim the same one) and orders them longest first, the order `matchPublicPath` needs.
 */
export function publicPathTable(declared: readonly { owner: string; prefixes: readonly string[] }[]): PublicPath[] {
  const owners = new Map<string, string>();
  for (const { owner, prefixes } of declared) {
    for (const prefix of prefixes) {
      if (!prefix.startsWith('/') || /[?#\s]/.test(prefix)) throw new Error(`${owner}: public path "${prefix}" must be a path starting with "/".`);
      if (prefix !== '/' && (GATEWAY_PATHS as readonly string[]).includes(prefix)) throw new Error(`${owner}: public path "${prefix}" is the gateway's own.`);
      const claimant = owners.get(prefix);
      if (claimant && claimant !== owner) throw new Error(`Public path "${prefix}" is claimed by both ${claimant} and ${owner}.`);
      owners.set(prefix, owner);
    }
  }
  return [...owners].map(([prefix, owner]) => ({ prefix, owner })).sort((a, b) => b.prefix.length - a.prefix.length);
}

/**
 * Who serves `path`: the owner of the longest prefix that matches it whole path segments at a time,
 * as a Kubernetes `Prefix` path does (`/s` matches `/s` and `/s/x`, not `/sx`).
 */
export function matchPublicPath(table: readonly PublicPath[], path: string): string | undefined {
  for (const { prefix, owner } of table) {
    if (path === prefix || path.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`)) return owner;
  }
  return undefined;
}
