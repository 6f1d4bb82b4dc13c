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
 * `Product.price` is moving from `legacy` to `pricing` for 25 % of requests (`percent(25)`);
 * `Product.stock` moves to `pricing` only where the `new-stock` label is configured on. Each
 * subgraph answers with its own name in the value, and counts its requests.
 */
const legacy = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Query { product: Product }
  type Product @key(fields: "id") { id: ID! price: String stock: String }`);
const pricing = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@override"])
  type Product @key(fields: "id") {
    id: ID!
    price: String @override(from: "legacy", label: "percent(25)")
    stock: String @override(from: "legacy", label: "new-stock")
  }`);

const requests = { legacy: 0, pricing: 0 };
/** The rolls the gateway draws, in order. */
const rolls: number[] = [];
const stops: (() => Promise<void>)[] = [];
const gateways: { gateway: Gateway; server: RunningServer; url: string }[] = [];

async function subgraph(name: 'legacy' | 'pricing', typeDefs: ReturnType<typeof parse>, resolvers: object): Promise<string> {
  const server = new ApolloServer({ schema: buildSubgraphSchema({ typeDefs, resolvers: resolvers as never }), plugins: [{ requestDidStart: async () => void requests[name]++ }] });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
  stops.push(() => server.stop());
  return url;
}

let supergraphSdl: string;
beforeAll(async () => {
  const product = (source: string) => ({ id: 'p1', price: `price from ${source}`, stock: `stock from ${source}` });
  const legacyUrl = await subgraph('legacy', legacy, { Query: { product: () => product('legacy') }, Product: { __resolveReference: () => product('legacy') } });
  const pricingUrl = await subgraph('pricing', pricing, { Product: { __resolveReference: () => product('pricing') } });
  const composed = composeServices([
    { name: 'legacy', typeDefs: legacy, url: legacyUrl },
    { name: 'pricing', typeDefs: pricing, url: pricingUrl },
  ]);
  if (composed.errors) throw new Error(composed.errors.map((e) => e.message).join('\n'));
  supergraphSdl = composed.supergraphSdl;
});

async function startGateway(enabledLabels: string[]): Promise<string> {
  const log = createLogger('test', { level: 'silent' });
  const gateway = createGateway({
    supergraphSdl,
    verifier: (await createTestAuth()).verifier,
    log,
    production: false,
    rateLimits: { perIp: 0, perUser: 0 },
    progressiveOverride: { enabledLabels, random: () => rolls.shift() ?? 0.99 },
  });
  await gateway.start();
  const server = await listen(createRoutedServer(gateway.routes, log), 0, '127.0.0.1');
  const url = `${server.url}/graphql`;
  gateways.push({ gateway, server, url });
  return url;
}

afterAll(async () => {
  for (const { gateway, server } of gateways) {
    await gateway.stop();
    await server.close();
  }
  for (const stop of stops) await stop();
});

describe('progressive @override', () => {
  it('rolls the percentage label per request and plans each label set on its own', async () => {
    const url = await startGateway([]);
    const query = `{ product { price } }`;
    const answers: unknown[] = [];
    // 0.1 × 100 < 25: on; 0.9: off; then on and off again, from the plans cached for each set.
    for (const roll of [0.1, 0.9, 0.2, 0.5]) {
      rolls.push(roll);
      requests.legacy = 0;
      requests.pricing = 0;
      const response = await graphql(url, query);
      answers.push([response.data?.product?.price, { ...requests }]);
    }
    expect(answers).toEqual([
      ['price from pricing', { legacy: 1, pricing: 1 }],
      ['price from legacy', { legacy: 1, pricing: 0 }],
      ['price from pricing', { legacy: 1, pricing: 1 }],
      ['price from legacy', { legacy: 1, pricing: 0 }],
    ]);
  });

  it('keeps a non-percentage label off unless it is configured on', async () => {
    const off = await startGateway([]);
    const on = await startGateway(['new-stock']);
    rolls.push(0.99, 0.99);
    expect((await graphql(off, `{ product { stock } }`)).data?.product).toEqual({ stock: 'stock from legacy' });
    expect((await graphql(on, `{ product { stock } }`)).data?.product).toEqual({ stock: 'stock from pricing' });
  });
});
