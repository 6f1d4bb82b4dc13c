import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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
    withBuildLock(() => {
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

/** One build at a time across processes: a lock directory, created atomically. */
function withBuildLock(task: () => void): void {
  const lock = join(repoRoot, 'dist.lock');
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A lock left by a killed build is stale after five minutes.
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 300_000) rmSync(lock, { recursive: true, force: true });
      Atomics.wait(pause, 0, 0, 250);
    }
  }
  try {
    task();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** The compiled entries: the gateway, the all-in-one, and one for any subgraph. */
export const DIST_ENTRIES = { gateway: 'dist/gateway.mjs', 'all-in-one': 'dist/all-in-one.mjs', service: 'dist/service.mjs' } as const;
