import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { nodeBundleOptions } from './node-bundle';

/**
 * `pnpm build`: the service entry points compiled to ES modules in `dist/` — `gateway.mjs`,
 * `all-in-one.mjs`, and `service.mjs`, which runs any subgraph of the registry — run with plain
 * `node` (no TypeScript loader: faster start, ~35 MiB less resident memory). Workspace code is
 * bundled; code split at dynamic imports, so a service process loads only its own subgraph (and
 * that subgraph's third-party packages). Third-party packages stay external, imported by the
 * absolute path they resolve to in this checkout, and files read next to the sources
 * (`schema.graphql`, migrations, the supergraph) keep their source locations. So a build belongs to
 * the tree it was made in: build in place (the Dockerfile does), rebuild after moving it.
 */
const root = fileURLToPath(new URL('../', import.meta.url));

/**
 * Built separately, so that no chunk is shared between them: the gateway loads only the gateway's
 * code and packages (a chunk shared with the services would bring the database drivers, mail
 * and subgraph libraries into the gateway process). One entry runs any subgraph
 * (platform/src/service.ts picks it from the registry): no per-subgraph lines.
 */
const builds: Record<string, string>[] = [
  { gateway: 'gateway/src/main.ts' },
  { 'all-in-one': 'platform/src/all-in-one.ts', service: 'platform/src/service.ts' },
];

// Chunks are content-hashed: start empty so no stale chunk stays behind.
rmSync(join(root, 'dist'), { recursive: true, force: true });
for (const entries of builds) {
  await build({
    entryPoints: Object.fromEntries(Object.entries(entries).map(([name, entry]) => [name, join(root, entry)])),
    outdir: join(root, 'dist'),
    ...nodeBundleOptions,
    sourcemap: true,
    logLevel: 'warning',
  });
}
console.log(`built ${builds.flatMap((entries) => Object.keys(entries)).map((name) => `dist/${name}.mjs`).join(', ')}`);
