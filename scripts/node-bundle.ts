import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BuildOptions, Plugin } from 'esbuild';

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

/**
 * How Mosaic's code is bundled to plain JavaScript for Node (`pnpm build`, and the gateways
 * benchmark's launcher): ES modules split at dynamic imports, workspace code bundled,
 * third-party packages left external.
 */
export const nodeBundleOptions = {
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  plugins: [externalByPath, sourceLocations],
} satisfies BuildOptions;
