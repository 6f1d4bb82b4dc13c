import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * `pnpm build:web` (and `pnpm start`): the web app built by Vite into web/dist, which the gateway
 * serves at /app/ and /graphiql. Skipped when web/dist is newer than every source it is built from
 * (a second `pnpm start` does not wait for it); `--force` builds anyway.
 */
const web = fileURLToPath(new URL('../web/', import.meta.url));
const output = join(web, 'dist', 'index.html');
const inputs = ['src', 'index.html', 'graphiql.html', 'vite.config.ts', 'package.json'].map((path) => join(web, path));

function newestChange(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((entry) => newestChange(join(path, entry))));
}

/**
 * One build at a time across processes (test files run in parallel workers and each may ask): a
 * lock directory, created atomically; whoever waits then finds the output current.
 */
function withBuildLock<T>(task: () => T): T {
  const lock = join(web, 'dist.lock');
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
    return task();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export function buildWeb(force = false): 'built' | 'current' {
  return withBuildLock(() => build(force));
}

function build(force: boolean): 'built' | 'current' {
  if (!force && existsSync(output) && statSync(output).mtimeMs > Math.max(...inputs.map(newestChange))) return 'current';
  // NODE_ENV decides Vite's production flags: under vitest it is `test`, which would build the
  // development variant (sending documents, not persisted ids).
  execFileSync(process.execPath, [join(web, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'error'], {
    cwd: web,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production' },
  });
  return 'built';
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const outcome = buildWeb(process.argv.includes('--force'));
  console.log(outcome === 'built' ? 'built web/dist' : 'web/dist is current');
}
