import { composeServices } from '@apollo/composition';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, createRoutedServer, listen, type RunningServer } from '@mosaic/kit';
import { createTestAuth, graphql, type TestAuth } from '@mosaic/testing';
import { createGateway, type Gateway } from '../src/index';

/**
 * Demand control through the gateway: `catalog` declares `@cost` and `@listSize` (federation v2.9),
 * composition carries them into the supergraph, the gateway costs each operation from there.
 */
const catalog = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@cost", "@listSize"])
  type Query {
    products(first: Int = 10): [Product] @listSize(slicingArguments: ["first"], assumedSize: 100)
    report: String @cost(weight: 50)
  }
  type Product @key(fields: "id") { id: ID! name: String reviews: [Review] @listSize(assumedSize: 5) }
  type Review @cost(weight: 2) { stars: Int }`);
const products = Array.from({ length: 30 }, (_, i) => ({ id: `p${i}`, name: `Product ${i}`, reviews: i % 2 ? [{ stars: 4 }] : [] }));

let auth: TestAuth;
let gateway: Gateway;
let server: RunningServer;
let url: string;
let stopSubgraph: () => Promise<void>;

beforeAll(async () => {
  const subgraph = new ApolloServer({
    schema: buildSubgraphSchema({
      typeDefs: catalog,
      resolvers: { Query: { products: (_: unknown, args: { first: number }) => products.slice(0, args.first), report: () => 'ok' } } as never,
    }),
  });
  const { url: subgraphUrl } = await startStandaloneServer(subgraph, { listen: { port: 0, host: '127.0.0.1' } });
  stopSubgraph = () => subgraph.stop();
  const composed = composeServices([{ name: 'catalog', typeDefs: catalog, url: subgraphUrl }]);
  if (composed.errors) throw new Error(composed.errors.map((e) => e.message).join('\n'));
  auth = await createTestAuth();
  const log = createLogger('test', { level: 'silent' });
  gateway = createGateway({
    supergraphSdl: composed.supergraphSdl,
    verifier: auth.verifier,
    log,
    production: true,
    rateLimits: { perIp: 0, perUser: 0 },
    demandControl: { mode: 'enforce', maxCost: 200, clientBudget: 300, clientWindowSeconds: 3600, defaultListSize: 10 },
  });
  await gateway.start();
  server = await listen(createRoutedServer(gateway.routes, log), 0, '127.0.0.1');
  url = `${server.url}/graphql`;
});

afterAll(async () => {
  await gateway?.stop();
  await server?.close();
  await stopSubgraph?.();
});

describe('demand control', () => {
  it('refuses an operation over the per-operation limit with OPERATION_TOO_EXPENSIVE and its estimated cost', async () => {
    // products(first: 30): 30 × (1 + reviews 5 × (2 + 0)) = 330.
    const response = await graphql(url, `{ products(first: 30) { name reviews { stars } } }`, {}, { token: (await auth.newUser()).token });
    expect(response.status).toBe(400);
    expect(response.data).toBeUndefined();
    expect(response.errors?.[0]?.extensions).toEqual({ code: 'OPERATION_TOO_EXPENSIVE', cost: { estimated: 330, max: 200 } });
  });

  it('runs an operation within the limit, sizes lists from slicing arguments, and exports estimated and actual cost', async () => {
    // products(first: 4): 4 × (1 + 5 × 2) = 44 estimated; actual: 4 products, 2 of them with one review = 4 + 2 × 2 = 8.
    const response = await graphql(url, `query Small($n: Int) { products(first: $n) { name reviews { stars } } }`, { n: 4 }, { token: (await auth.newUser()).token });
    expect(response.errors).toBeUndefined();
    expect(response.data?.products).toHaveLength(4);
    const metrics = await gateway.metrics.registry.getSingleMetricAsString('mosaic_gateway_operation_cost');
    expect(metrics).toMatch(/mosaic_gateway_operation_cost_sum\{kind="estimated"\} \d+/);
    expect(metrics).toMatch(/mosaic_gateway_operation_cost_bucket\{le="10",kind="actual"\} [1-9]/);
  });

  it("refuses with RATE_LIMITED, the cost and when it resets, once a client's budget for the window is spent", async () => {
    const { token } = await auth.newUser();
    // `report` costs 50; the budget is 300 per window.
    for (let i = 0; i < 6; i++) expect((await graphql(url, `{ report }`, {}, { token })).errors).toBeUndefined();
    const refused = await graphql(url, `{ report }`, {}, { token });
    expect(refused.status).toBe(429);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', cost: { estimated: 50, remaining: 0, budget: 300 } });
    // Another user has a budget of their own.
    expect((await graphql(url, `{ report }`, {}, { token: (await auth.newUser()).token })).errors).toBeUndefined();
  });
});
