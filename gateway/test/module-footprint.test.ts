import { fileURLToPath } from 'node:url';
import { composeServices } from '@apollo/composition';
import { build } from 'esbuild';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { nodeBundleOptions } from '../../scripts/node-bundle';
import { packagesLoadedBy } from './fresh-process';

/**
 * Every module the gateway process loads stays in its heap, and under load V8 lets the old
 * generation grow to a multiple of what stays live: what a gateway never uses is not loaded.
 */
const gatewayDir = fileURLToPath(new URL('..', import.meta.url));

/** The third-party packages the gateway's bundle (`pnpm build`'s dist/gateway.mjs) imports. */
async function packagesTheGatewayBundleImports(): Promise<string[]> {
  const { metafile } = await build({ entryPoints: { gateway: `${gatewayDir}src/main.ts` }, outdir: `${gatewayDir}.footprint`, ...nodeBundleOptions, write: false, metafile: true, logLevel: 'error' });
  const external = Object.values(metafile.outputs).flatMap((output) => output.imports.filter((i) => i.external && i.kind === 'import-statement').map((i) => i.path));
  return [...new Set(external.map((path) => /node_modules\/(?!\.pnpm)((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1] ?? path))];
}

const FEDERATION = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key"])';
const { supergraphSdl } = composeServices([
  { name: 'products', url: 'http://127.0.0.1:9/products', typeDefs: parse(`${FEDERATION} type Query { products: [Product!]! } type Product @key(fields: "id") { id: ID! name: String! }`) },
  { name: 'reviews', url: 'http://127.0.0.1:9/reviews', typeDefs: parse(`${FEDERATION} type Product @key(fields: "id") { id: ID! rating: Int }`) },
]);

/** The packages of these that loading a supergraph into @apollo/gateway loads (the patches/ make the last three load on first use). */
const loadedByApolloGateway = (): string[] =>
  packagesLoadedBy(
    `const { ApolloGateway } = require('@apollo/gateway');
     const gateway = new ApolloGateway({ supergraphSdl: process.env.SUPERGRAPH_SDL });
     await gateway.load();
     await gateway.stop();`,
    /\/node_modules\/(@apollo\/query-planner|@apollo\/composition|ts-graphviz|pretty-format)\//,
    { APOLLO_TELEMETRY_DISABLED: 'true', SUPERGRAPH_SDL: supergraphSdl },
  );

describe('what the gateway process loads', () => {
  it('no schema library: its environment models are kit envModels, not zod schemas', async () => {
    const imported = await packagesTheGatewayBundleImports();
    expect(imported).toEqual(expect.arrayContaining(['@apollo/gateway', '@apollo/server', 'graphql']));
    expect(imported).not.toContain('zod');
  });

  it("none of Apollo's composition, graphviz or pretty-printing modules when given a supergraph", () => {
    expect(loadedByApolloGateway()).toEqual(['@apollo/query-planner']);
  });
});
