import { composeServices } from '@apollo/composition';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@mosaic/kit';
import { createTestAuth } from '@mosaic/testing';
import { createGateway, UnsupportedSupergraphError } from '../src/index';
import { startStockGateway } from './stock-gateway';

/**
 * `@context`/`@fromContext` (Federation 2.8): a store sets the context, a product's price reads the
 * store's currency from it. The pair composes; stock @apollo/gateway 2.14 refuses the supergraph
 * when it starts (the context spec is `for: SECURITY` and unsupported — only Apollo Router runs
 * it), and Mosaic, which runs the same planner's plans, refuses it too, with a message that says
 * what to do instead.
 */
const fed = (imports: string) => `extend schema @link(url: "https://specs.apollo.dev/federation/v2.8", import: [${imports}])`;
const store = { id: 's1', currency: 'EUR', products: [{ id: 'p1' }, { id: 'p2' }] };
const SUBGRAPHS = {
  shop: {
    typeDefs: parse(`${fed('"@key", "@shareable"')}
      type Query { store: Store }
      type Store @key(fields: "id") { id: ID! currency: String! @shareable products: [Product!]! @shareable }
      type Product @key(fields: "id") { id: ID! }`),
    resolvers: { Query: { store: () => store } },
  },
  prices: {
    typeDefs: parse(`${fed('"@key", "@context", "@fromContext", "@shareable"')}
      type Store @key(fields: "id") @context(name: "store") { id: ID! currency: String! @shareable products: [Product!]! @shareable }
      type Product @key(fields: "id") { id: ID! price(currency: String @fromContext(field: "$store { currency }")): String }`),
    resolvers: {
      Store: { __resolveReference: () => store },
      Product: { __resolveReference: (ref: { id: string }) => ref, price: (product: { id: string }, args: { currency?: string }) => `${product.id} in ${args.currency}` },
    },
  },
};

const stops: (() => Promise<void>)[] = [];
let supergraphSdl: string;
beforeAll(async () => {
  const services = [];
  for (const [name, { typeDefs, resolvers }] of Object.entries(SUBGRAPHS)) {
    const server = new ApolloServer({ schema: buildSubgraphSchema({ typeDefs, resolvers: resolvers as never }) });
    const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
    stops.push(() => server.stop());
    services.push({ name, typeDefs, url });
  }
  const composed = composeServices(services);
  if (composed.errors) throw new Error(composed.errors.map((e) => e.message).join('\n'));
  supergraphSdl = composed.supergraphSdl;
}, 60_000);
afterAll(async () => {
  for (const stop of stops) await stop();
});

describe('@fromContext', () => {
  it('composes, with the context spec linked for SECURITY', () => {
    expect(supergraphSdl).toMatch(/@link\(url: "https:\/\/specs\.apollo\.dev\/context\/v0\.1", for: SECURITY\)/);
  });

  it('is refused by stock @apollo/gateway 2.14 when it starts', async () => {
    await expect(startStockGateway(supergraphSdl)).rejects.toThrow(/feature https:\/\/specs\.apollo\.dev\/context\/v0\.1 is for: SECURITY but is unsupported/);
  }, 60_000);

  it('is refused by Mosaic too, before anything starts, saying what to do instead', async () => {
    const auth = await createTestAuth();
    const start = () => createGateway({ supergraphSdl, verifier: auth.verifier, log: createLogger('test', { level: 'silent' }), production: false });
    expect(start).toThrow(UnsupportedSupergraphError);
    expect(start).toThrow(/uses @context\/@fromContext \(Federation 2\.8; contexts: prices__store\).*Pass the value as a field argument/);
  });
});
