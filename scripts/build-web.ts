import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withDirectoryLock } from './directory-lock';

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

export function buildWeb(force = false): 'built' | 'current' {
  return withDirectoryLock(join(web, 'dist.lock'), () => build(force));
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
