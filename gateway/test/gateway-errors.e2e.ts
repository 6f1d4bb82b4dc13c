import { composeServices } from '@apollo/composition';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, createRoutedServer, listen, type RunningServer } from '@mosaic/kit';
import { createTestAuth, graphql } from '@mosaic/testing';
import { createGateway, type Gateway } from '../src/index';

/**
 * Errors raised inside the gateway itself — a subgraph answering an enum value the composed schema
 * does not have (only the gateway's result shaping can notice), a plan that cannot be built — are
 * shown with their code in development and masked in production; either way the client gets an
 * error at the path, never a silent null.
 */
const composedSdl = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key"])
  enum Color { RED }
  type Query { favourite: Color  required: Color!  product: Product }
  type Product @key(fields: "id") { id: ID! }
`);
// What the subgraph actually runs: it has gained a value the supergraph was not recomposed for.
const runningSdl = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key"])
  enum Color { RED BLUE }
  type Query { favourite: Color  required: Color!  product: Product }
  type Product @key(fields: "id") { id: ID! }
`);
const stockSdl = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key"])
  type Product @key(fields: "id") { id: ID!  inStock: Boolean }
`);

const log = createLogger('test', { level: 'silent' });
const servers: ApolloServer[] = [];
const gateways: { gateway: Gateway; server: RunningServer }[] = [];
const urls = { development: '', production: '' };

async function serve(typeDefs: ReturnType<typeof parse>, resolvers: Record<string, unknown>) {
  const server = new ApolloServer({ schema: buildSubgraphSchema({ typeDefs, resolvers: resolvers as never }) });
  servers.push(server);
  return (await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } })).url;
}

beforeAll(async () => {
  const palette = await serve(runningSdl, { Query: { favourite: () => 'BLUE', required: () => 'BLUE', product: () => ({ id: 'p1' }) } });
  const stock = await serve(stockSdl, { Product: { __resolveReference: (ref: { id: string }) => ({ ...ref, inStock: true }) } });
  const composed = composeServices([
    { name: 'palette', typeDefs: composedSdl, url: palette },
    { name: 'stock', typeDefs: stockSdl, url: stock },
  ]);
  if (composed.errors) throw new Error(composed.errors.map((e) => e.message).join('\n'));
  // A supergraph no composition would produce (a hand edit, a bad merge): `stock` can no longer
  // resolve Product entities, so `product { inStock }` has no plan.
  const broken = composed.supergraphSdl.replace('@join__type(graph: STOCK, key: "id")', '@join__type(graph: STOCK, key: "id", resolvable: false)');
  expect(broken).not.toBe(composed.supergraphSdl);
  const auth = await createTestAuth();
  for (const mode of ['development', 'production'] as const) {
    const gateway = createGateway({ supergraphSdl: broken, verifier: auth.verifier, log, production: mode === 'production' });
    await gateway.start();
    const server = await listen(createRoutedServer(gateway.routes, log), 0, '127.0.0.1');
    gateways.push({ gateway, server });
    urls[mode] = `${server.url}/graphql`;
  }
});

afterAll(async () => {
  for (const { gateway, server } of gateways) {
    await gateway.stop();
    await server.close();
  }
  for (const server of servers) await server.stop();
});

const MASKED = /^Something went wrong on our side/;

describe("the gateway's own errors", () => {
  it('report a value the schema cannot represent as an error at its path: its message and code in development, masked in production', async () => {
    const development = await graphql(urls.development, '{ favourite }');
    expect(development.data).toEqual({ favourite: null });
    expect(development.errors).toEqual([{ message: 'Invalid value found for field Query.favourite.', path: ['favourite'], extensions: { code: 'INVALID_GRAPHQL' } }]);
    const required = await graphql(urls.development, '{ required }');
    expect(required.data).toBeNull();
    expect(required.errors).toEqual([expect.objectContaining({ path: ['required'], extensions: { code: 'INVALID_GRAPHQL' } })]);

    const production = await graphql(urls.production, '{ favourite }');
    expect(production.data).toEqual({ favourite: null });
    expect(production.errors).toEqual([{ message: expect.stringMatching(MASKED), path: ['favourite'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }]);
  });

  it('show a planning failure in development and mask it in production', async () => {
    const development = await graphql(urls.development, '{ product { id inStock } }');
    expect(development.errors).toEqual([expect.objectContaining({ message: expect.stringMatching(/Was not able to find any options/), extensions: { code: expect.any(String) } })]);
    expect(development.errors![0]!.message).not.toMatch(MASKED);
    const production = await graphql(urls.production, '{ product { id inStock } }');
    expect(production.errors).toEqual([expect.objectContaining({ message: expect.stringMatching(MASKED), extensions: { code: 'INTERNAL_SERVER_ERROR' } })]);
  });
});
