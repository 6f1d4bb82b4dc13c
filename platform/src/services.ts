import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { freePort, waitUntilOk } from '@mosaic/kit';
import { buildOnce, DIST_ENTRIES } from './build-once';
import { jwksUrl } from './generate/jwks-url';
import { publicPathUpstreams } from './generate/public-paths';
import { GATEWAY_INTERNAL_PORT, GATEWAY_PORT, loadSubgraphs, type RegisteredSubgraph } from './registry';
import { repoRoot } from './repo-root';

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
  /** `registry`: each subgraph on its registry port (the gateway on PORT or 4000); `free`: free ports (tests, benchmarks). */
  ports: 'registry' | 'free';
  host?: string;
  /** Each output line, prefixed with the service name. */
  onLine?: (service: string, line: string) => void;
}

export interface RunningServices {
  services: ServiceProcess[];
  gatewayUrl: string;
  /** Resolves when every service answers /readyz. */
  ready(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/** Ports by service name; `gatewayInternal` is the gateway's `/metrics` and `/status`. */
async function portsFor(subgraphs: readonly RegisteredSubgraph[], ports: ServicesOptions['ports']): Promise<Record<string, number>> {
  if (ports === 'registry') {
    return {
      gateway: Number(process.env.PORT ?? GATEWAY_PORT),
      gatewayInternal: Number(process.env.INTERNAL_PORT ?? GATEWAY_INTERNAL_PORT),
      ...Object.fromEntries(subgraphs.map(({ module, port }) => [module.name, port])),
    };
  }
  return Object.fromEntries(await Promise.all(['gateway', 'gatewayInternal', ...subgraphs.map(({ module }) => module.name)].map(async (name) => [name, await freePort()])));
}

/**
 * Services mode on one machine: each subgraph and the gateway as its own Node process running its
 * compiled entry (`pnpm build`), wired by environment exactly as docker-compose.yml wires the
 * containers.
 */
export async function spawnServices(options: ServicesOptions): Promise<RunningServices> {
  buildOnce();
  const subgraphs = await loadSubgraphs();
  const host = options.host ?? '127.0.0.1';
  const ports = await portsFor(subgraphs, options.ports);
  const urlOf = (name: string) => `http://${host}:${ports[name]}/graphql`;
  const shared = { JWKS_URL: jwksUrl(subgraphs, (name) => `${host}:${ports[name]}`), ...options.env, HOST: host };
  const start = (name: string, args: string[], env: NodeJS.ProcessEnv): ServiceProcess => {
    const child = spawn(process.execPath, args, { cwd: repoRoot, env: { ...process.env, ...shared, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on('line', (line) => options.onLine?.(name, line));
    }
    return { name, url: urlOf(name), process: child };
  };
  const services = subgraphs.map(({ module }) => start(module.name, [DIST_ENTRIES.service, module.name], { PORT: String(ports[module.name]) }));
  services.push({
    ...start('gateway', [DIST_ENTRIES.gateway], {
      PORT: String(ports.gateway),
      INTERNAL_PORT: String(ports.gatewayInternal),
      ...Object.fromEntries(subgraphs.map(({ module }) => [`SUBGRAPH_URL_${module.name.toUpperCase()}`, urlOf(module.name)])),
      PUBLIC_PATH_UPSTREAMS: publicPathUpstreams(subgraphs, (name) => `${host}:${ports[name]}`),
    }),
    internalUrl: `http://${host}:${ports.gatewayInternal}`,
  });
  return {
    services,
    gatewayUrl: urlOf('gateway'),
    async ready(timeoutMs = 60_000) {
      for (const service of services) await waitUntilOk(service.url.replace('/graphql', '/readyz'), timeoutMs);
    },
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
  if (!process.env.DATABASE_URL) {
    console.error('Services mode needs a PostgreSQL server: set DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/mosaic).');
    process.exit(1);
  }
  // Dev convenience: one secret for this run when none is configured (production requires one).
  const env = { GATEWAY_SHARED_SECRET: randomBytes(32).toString('base64url'), ...process.env };
  const running = await spawnServices({ env, ports: 'registry', onLine: (service, line) => console.log(`${service.padEnd(9)} | ${line}`) });
  const stop = () => void running.stop().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
