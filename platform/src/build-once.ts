import { execFileSync } from 'node:child_process';
import { repoRoot } from './repo-root';

const built = new Set<string>();

/**
 * Compiles service entry points (`pnpm build`, scripts/build.ts) once per process, so the child
 * processes that tests and benchmarks start run exactly what production runs.
 */
export function buildOnce(...entries: string[]): void {
  const missing = entries.filter((entry) => !built.has(entry));
  if (missing.length === 0) return;
  execFileSync(`${repoRoot}node_modules/.bin/tsx`, ['scripts/build.ts', ...missing], { cwd: repoRoot, stdio: 'pipe' });
  for (const entry of missing) built.add(entry);
}

export const distEntry = (service: string) =>
  service === 'gateway' ? 'gateway/dist/main.mjs' : service === 'all-in-one' ? 'platform/dist/all-in-one.mjs' : `subgraphs/${service}/dist/main.mjs`;
