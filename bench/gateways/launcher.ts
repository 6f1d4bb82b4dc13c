import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { nodeBundleOptions } from '../../scripts/node-bundle';

const benchDir = fileURLToPath(new URL('../', import.meta.url));
const outdir = `${benchDir}.tmp/gateway-launcher`;

/**
 * The gateway child process's entry (gateways/process.ts, and through it each gateway's starter)
 * bundled to plain JavaScript the way `pnpm build` bundles Mosaic's services (scripts/build.ts):
 * every gateway then runs with plain `node`, no TypeScript loader — Mosaic as its image runs it
 * (`node dist/gateway.mjs`), and the peers under the same conditions. Under `tsx` Mosaic's
 * process held its transpiled sources and their source maps (~35 MiB). The bundle lives inside
 * bench/ so that the peers' runtime imports resolve from bench/node_modules.
 */
export async function buildGatewayLauncher(): Promise<string> {
  rmSync(outdir, { recursive: true, force: true });
  await build({
    entryPoints: { process: fileURLToPath(new URL('./gateways/process.ts', import.meta.url)) },
    outdir,
    ...nodeBundleOptions,
    logLevel: 'error',
  });
  return `${outdir}/process.mjs`;
}
