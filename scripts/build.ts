import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';

/**
 * `pnpm build`: each service's entry point compiled to one ES module, `<package>/dist/main.mjs`,
 * run with plain `node` (no TypeScript loader: faster start, ~35 MiB less resident memory).
 * Workspace code is bundled; third-party packages stay external, imported by the absolute path
 * they resolve to in this checkout, and files read next to the sources (`schema.graphql`,
 * migrations, the supergraph) keep their source locations. So a build belongs to the tree it
 * was made in: build in place (the Dockerfile does), rebuild after moving it.
 */
const root = fileURLToPath(new URL('../', import.meta.url));

const entries: Record<string, string> = {
  gateway: 'gateway/src/main.ts',
  'all-in-one': 'platform/src/all-in-one.ts',
  accounts: 'subgraphs/accounts/src/main.ts',
  todos: 'subgraphs/todos/src/main.ts',
  notes: 'subgraphs/notes/src/main.ts',
  chat: 'subgraphs/chat/src/main.ts',
  stocks: 'subgraphs/stocks/src/main.ts',
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

const only = process.argv.slice(2);
for (const [name, entry] of Object.entries(entries)) {
  if (only.length > 0 && !only.includes(name)) continue;
  const outfile = join(root, dirname(dirname(entry)), 'dist', `${name === 'all-in-one' ? 'all-in-one' : 'main'}.mjs`);
  await build({
    entryPoints: [join(root, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: true,
    plugins: [externalByPath, sourceLocations],
    logLevel: 'warning',
  });
  console.log(`built ${outfile.slice(root.length)}`);
}
