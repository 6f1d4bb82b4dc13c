import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const gatewayDir = fileURLToPath(new URL('..', import.meta.url));

/**
 * In a fresh Node process (a test worker's module cache is shared with other files): runs `setup`
 * (CommonJS, may `await`) from gateway/, then returns the packages whose files it loaded — the
 * first group of `pattern` over the paths in `require.cache`, each once.
 */
export function packagesLoadedBy(setup: string, pattern: RegExp, env: NodeJS.ProcessEnv = {}): string[] {
  const script = `
    (async () => {
      ${setup}
      const pattern = new RegExp(${JSON.stringify(pattern.source)});
      const names = Object.keys(require.cache).map((path) => pattern.exec(path)?.[1]).filter(Boolean);
      console.log(JSON.stringify([...new Set(names)]));
      process.exit(0);
    })();
  `;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: gatewayDir, env: { ...process.env, ...env }, encoding: 'utf8' })) as string[];
}
