import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { buildOnce, distEntry } from './build-once';
import { repoRoot } from './repo-root';
import { subgraphModules } from './registry';


export interface ServiceProcess {
  name: string;
  url: string;
  /** The gateway's `/metrics` and `/status` (when its internal port was given). */
  internalUrl?: string;
  process: ChildProcess;
}

export interface ServicesOptions {
  /** Environment shared by every service (DATABASE_URL, ACCOUNTS_SIGNING_KEYS, …). */
  env: NodeJS.ProcessEnv;
  /** `gatewayInternal`: the gateway's internal port (`/metrics`, `/status`); a free one when absent. */
  ports: Record<string, number> & { gateway: number; gatewayInternal?: number };
  host?: string;
  /** Each output line, prefixed with the service name. */
  onLine?: (service: string, line: string) => void;
}

/**
 * Services mode on one machine: each subgraph and the gateway as its own Node process running its
 * compiled entry (`pnpm build`), wired by environment exactly as docker-compose.yml wires the
 * containers.
 */
export function spawnServices(options: ServicesOptions): { services: ServiceProcess[]; stop(): Promise<void> } {
  buildOnce('gateway', ...subgraphModules.map((m) => m.name));
  const host = options.host ?? '127.0.0.1';
  const urlOf = (name: string) => `http://${host}:${options.ports[name]}/graphql`;
  const shared = {
    ...options.env,
    HOST: host,
    JWKS_URL: `http://${host}:${options.ports.accounts}/.well-known/jwks.json`,
  };
  const start = (name: string, env: NodeJS.ProcessEnv): ServiceProcess => {
    const child = spawn(process.execPath, [distEntry(name)], { cwd: repoRoot, env: { ...process.env, ...shared, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on('line', (line) => options.onLine?.(name, line));
    }
    return { name, url: urlOf(name), process: child };
  };
  const services = subgraphModules.map((module) => start(module.name, { PORT: String(options.ports[module.name]) }));
  const internalPort = options.ports.gatewayInternal ?? 0;
  services.push({
    ...start('gateway', {
      PORT: String(options.ports.gateway),
      INTERNAL_PORT: String(internalPort),
      ...Object.fromEntries(subgraphModules.map((m) => [`SUBGRAPH_URL_${m.name.toUpperCase()}`, urlOf(m.name)])),
    }),
    ...(internalPort ? { internalUrl: `http://${host}:${internalPort}` } : {}),
  });
  return {
    services,
    async stop() {
      await Promise.all(
        services.map(
          ({ process: child }) =>
            new Promise<void>((resolve) => {
              if (child.exitCode !== null) return resolve();
              child.once('exit', () => resolve());
              child.kill('SIGTERM');
              setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
            }),
        ),
      );
    },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const ports = { gateway: Number(process.env.PORT ?? 4000), gatewayInternal: Number(process.env.INTERNAL_PORT ?? 9464), ...Object.fromEntries(subgraphModules.map((m) => [m.name, m.defaultPort])) };
  if (!process.env.DATABASE_URL) {
    console.error('Services mode needs a PostgreSQL server: set DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/mosaic).');
    process.exit(1);
  }
  // Dev convenience: one secret for this run when none is configured (production requires one).
  const env = { GATEWAY_SHARED_SECRET: randomBytes(32).toString('base64url'), ...process.env };
  const running = spawnServices({ env, ports, onLine: (service, line) => console.log(`${service.padEnd(9)} | ${line}`) });
  const stop = () => void running.stop().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
