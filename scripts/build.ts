import { rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';

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

/** One entry runs any subgraph (platform/src/service.ts picks it from the registry): no per-subgraph lines. */
const entries = {
  gateway: 'gateway/src/main.ts',
  'all-in-one': 'platform/src/all-in-one.ts',
  service: 'platform/src/service.ts',
};

/** Bare imports of anything but @mosaic/* → external, by the absolute path esbuild resolves. */
const externalByPath: Plugin = {
  name: 'external-by-path',
  setup(builder) {
    builder.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.path.startsWith('@mosaic/') || args.path.startsWith('node:') || args.pluginData === 'resolving') return undefined;
      const resolved = await builder.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: 'resolving' });
      if (resolved.errors.length > 0) return { errors: resolved.errors };
      return { path: resolved.path, external: true };
    });
  },
};

/** `import.meta.url` in our sources means the source file's location (assets live beside it). */
const sourceLocations: Plugin = {
  name: 'source-locations',
  setup(builder) {
    builder.onLoad({ filter: /\.ts$/ }, async (args) => {
      if (args.path.includes('node_modules')) return undefined;
      const source = await readFile(args.path, 'utf8');
      return { contents: source.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)), loader: 'ts', resolveDir: dirname(args.path) };
    });
  },
};

// Chunks are content-hashed: start empty so no stale chunk stays behind.
rmSync(join(root, 'dist'), { recursive: true, force: true });
await build({
  entryPoints: Object.fromEntries(Object.entries(entries).map(([name, entry]) => [name, join(root, entry)])),
  outdir: join(root, 'dist'),
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  plugins: [externalByPath, sourceLocations],
  logLevel: 'warning',
});
console.log(`built ${Object.keys(entries).map((name) => `dist/${name}.mjs`).join(', ')}`);
