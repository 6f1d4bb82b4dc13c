import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * operation-cache.ts and federation-fast-paths.ts replace functions inside this exact version of
 * @apollo/federation-internals (pinned in gateway/package.json). Anything else — another version,
 * a second copy that @apollo/gateway or @apollo/query-planner load instead of ours, the function
 * gone or the module layout changed — would silently turn the replacements off or, worse, apply
 * them to code they were not checked against. The gateway refuses to start instead.
 */
export const PATCHED_FEDERATION_INTERNALS_VERSION = '2.14.4';

export interface FederationInternalsFacts {
  version: string;
  /** The federation-internals entry each consumer resolves (they must all be the one patched). */
  resolvedBy: Record<string, string>;
  operationFromDocument: unknown;
}

export function federationInternalsFacts(): FederationInternalsFacts {
  const consumers = ['@apollo/gateway', '@apollo/query-planner'];
  return {
    version: (require('@apollo/federation-internals/package.json') as { version: string }).version,
    resolvedBy: {
      '@mosaic/gateway': require.resolve('@apollo/federation-internals'),
      ...Object.fromEntries(consumers.map((name) => [name, createRequire(require.resolve(name)).resolve('@apollo/federation-internals')])),
    },
    operationFromDocument: (require('@apollo/federation-internals/dist/operations') as { operationFromDocument?: unknown }).operationFromDocument,
  };
}

export function federationInternalsProblems(facts: FederationInternalsFacts): string[] {
  const problems: string[] = [];
  if (facts.version !== PATCHED_FEDERATION_INTERNALS_VERSION) problems.push(`version ${facts.version} is installed, the replacements were written for ${PATCHED_FEDERATION_INTERNALS_VERSION}`);
  const entries = new Set(Object.values(facts.resolvedBy));
  if (entries.size > 1) problems.push(`more than one copy is loaded: ${Object.entries(facts.resolvedBy).map(([by, path]) => `${by} → ${path}`).join(', ')}`);
  if (typeof facts.operationFromDocument !== 'function') problems.push('dist/operations no longer exports operationFromDocument');
  return problems;
}

export function assertFederationInternalsPinned(facts = federationInternalsFacts()): void {
  const problems = federationInternalsProblems(facts);
  if (problems.length === 0) return;
  throw new Error(
    `@apollo/federation-internals is not the version the gateway's replacements (gateway/src/fetch/operation-cache.ts, federation-fast-paths.ts) were checked against: ${problems.join('; ')}. ` +
      'Re-check both files and the federation parity test against the new version, then update PATCHED_FEDERATION_INTERNALS_VERSION and the pins in gateway/package.json.',
  );
}
