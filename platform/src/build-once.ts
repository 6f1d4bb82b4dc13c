import { execFileSync } from 'node:child_process';
import { repoRoot } from './repo-root';

let built = false;

/**
 * Compiles the service entry points (`pnpm build`, scripts/build.ts) once per process, so the child
 * processes that tests and benchmarks start run exactly what production runs.
 */
export function buildOnce(): void {
  if (built) return;
  execFileSync(`${repoRoot}node_modules/.bin/tsx`, ['scripts/build.ts'], { cwd: repoRoot, stdio: 'pipe' });
  built = true;
}

/** The compiled entries: the gateway, the all-in-one, and one for any subgraph. */
export const DIST_ENTRIES = { gateway: 'dist/gateway.mjs', 'all-in-one': 'dist/all-in-one.mjs', service: 'dist/service.mjs' } as const;
