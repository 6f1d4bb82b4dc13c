import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withDirectoryLock } from '../../scripts/directory-lock';
import { repoRoot } from './repo-root';

let built = false;

/**
 * Under a test run, the run's name (the tests' global setup sets it): test files run in parallel
 * workers, each with its own `built`, and a rebuild empties dist/ under the processes another
 * worker started from it. So a run builds once, stamped with this name.
 */
export const TEST_RUN_VARIABLE = 'MOSAIC_TEST_RUN';
const stamp = join(repoRoot, 'dist', '.test-run');

/**
 * Compiles the service entry points (`pnpm build`, scripts/build.ts) once per process — once per
 * test run under tests — so the child processes that tests and benchmarks start run exactly what
 * production runs.
 */
export function buildOnce(): void {
  if (built) return;
  const run = process.env[TEST_RUN_VARIABLE];
  if (!run) build();
  else {
    withDirectoryLock(join(repoRoot, 'dist.lock'), () => {
      if (existsSync(stamp) && readFileSync(stamp, 'utf8') === run) return;
      build();
      writeFileSync(stamp, run);
    });
  }
  built = true;
}

function build(): void {
  execFileSync(`${repoRoot}node_modules/.bin/tsx`, ['scripts/build.ts'], { cwd: repoRoot, stdio: 'pipe' });
}

/** The compiled entries: the gateway, the all-in-one, and one for any subgraph. */
export const DIST_ENTRIES = { gateway: 'dist/gateway.mjs', 'all-in-one': 'dist/all-in-one.mjs', service: 'dist/service.mjs' } as const;
