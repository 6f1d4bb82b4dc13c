import { ApolloGateway } from '@apollo/gateway';
import { composeServices } from '@apollo/composition';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { GraphQLError, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, createRoutedServer, listen, type RunningServer } from '@mosaic/kit';
import { createTestAuth, graphql } from '@mosaic/testing';
import { createGateway, type Gateway } from '../src/index';

/**
 * Federation semantics stay exactly Apollo's: the same operations go through stock
 * @apollo/gateway and through Mosaic's gateway (lean client, deduplicated `_entities`), and the
 * responses — data and errors with message, path and code — must be identical. The data is built
 * to stress deduplication: repeated entities, equal keys with different @requires values, entity
 * errors and nulls at repeated positions.
 */
const products = [
  { upc: 'p1', name: 'Table', price: 899, weight: 100 },
  { upc: 'p2', name: 'Couch', price: 1299, weight: 1000 },
  { upc: 'p3', name: 'Chair', price: 54, weight: 50 },
  { upc: 'p-gone', name: 'Ghost', price: 1, weight: 1 },
];
const reviews = [
  { id: 'r1', authorId: 'u1', upc: 'p1', body: 'Love it!' },
  { id: 'r2', authorId: 'u2', upc: 'p2', body: 'Too expensive.' },
  { id: 'r3', authorId: 'u1', upc: 'p3', body: 'Could be better.' },
  { id: 'r4', authorId: 'u1', upc: 'p1', body: 'Prefer something else.' },
  { id: 'r5', authorId: 'u-bad', upc: 'p2', body: 'Sneaky.' },
  { id: 'r6', authorId: 'u-missing', upc: 'p-gone', body: 'Who wrote this?' },
  { id: 'r7', authorId: 'u-bad', upc: 'p1', body: 'Again.' },
];

const subgraphs = {
  accounts: {
    typeDefs: parse(`
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key"])
      type Query { me: User }
      type User @key(fields: "id") { id: ID! name: String username: String }`),
    resolvers: {
      Query: { me: () => ({ id: 'u1' }) },
      User: {
        __resolveReference(ref: { id: string }) {
          if (ref.id === 'u-bad') throw new GraphQLError('This account is suspended.', { extensions: { code: 'FORBIDDEN' } });
          if (ref.id === 'u-missing') return null;
          return { id: ref.id, name: `Name ${ref.id}`, username: `@${ref.id}` };
        },
      },
    },
  },
  products: {
    typeDefs: parse(`
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@shareable"])
      type Query { topProducts(first: Int = 10): [Product] repeatedProducts: [Product] }
      type Product @key(fields: "upc") { upc: String! name: String price: Int weight: Int }`),
    resolvers: {
      Query: {
        topProducts: (_: unknown, args: { first: number }) => products.slice(0, args.first),
        // The same product several times, once with a different weight (same key, other @requires input).
        repeatedProducts: () => [products[0], products[1], products[0], { ...products[0]!, weight: 5 }, products[3], products[0]],
      },
      Product: { __resolveReference: (ref: { upc: string }) => products.find((p) => p.upc === ref.upc) ?? null },
    },
  },
  inventory: {
    typeDefs: parse(`
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@external", "@requires"])
      type Product @key(fields: "upc") {
        upc: String! weight: Int @external price: Int @external
        inStock: Boolean
        shippingEstimate: Int @requires(fields: "price weight")
      }`),
    resolvers: {
      Product: {
        __resolveReference(ref: { upc: string; price?: number; weight?: number }) {
          if (ref.upc === 'p-gone') throw new GraphQLError('Discontinued.', { extensions: { code: 'NOT_FOUND' } });
          return { ...ref, inStock: ref.upc !== 'p3' };
        },
        shippingEstimate: (p: { price: number; weight: number }) => (p.price > 1000 ? 0 : Math.round(p.weight * 0.5)),
      },
    },
  },
  reviews: {
    typeDefs: parse(`
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key"])
      type Review { id: ID! body: String author: User product: Product }
      type User @key(fields: "id") { id: ID! reviews: [Review] }
      type Product @key(fields: "upc") { upc: String! reviews: [Review] }`),
    resolvers: {
      Review: { author: (r: { authorId: string }) => ({ __typename: 'User', id: r.authorId }), product: (r: { upc: string }) => ({ __typename: 'Product', upc: r.upc }) },
      User: { reviews: (u: { id: string }) => reviews.filter((r) => r.authorId === u.id) },
      Product: { reviews: (p: { upc: string }) => reviews.filter((r) => r.upc === p.upc) },
    },
  },
};

const QUERIES: Record<string, string> = {
  deep: `{ topProducts { upc name inStock shippingEstimate reviews { id body author { id name username reviews { id product { upc name inStock shippingEstimate } } } } } }`,
  repeatedWithRequires: `{ repeatedProducts { upc name weight inStock shippingEstimate reviews { id author { name } } } }`,
  errorsAtRepeatedPositions: `{ topProducts(first: 4) { upc reviews { id author { id name } } } }`,
  me: `{ me { id name reviews { id body product { upc name shippingEstimate reviews { author { username } } } } } }`,
  aliasesAndFragments: `query Q { a: topProducts(first: 2) { ...P } b: repeatedProducts { ...P } } fragment P on Product { upc price weight shippingEstimate reviews { author { name } } }`,
};

const log = createLogger('test', { level: 'silent' });
/** `_entities` representations the subgraphs received, in total. */
const received = { representations: 0 };
const servers: { url: string; stop(): Promise<void> }[] = [];
let stockUrl: string;
let stock: ApolloServer;
let mosaic: Gateway;
let mosaicServer: RunningServer;

beforeAll(async () => {
  const urls: Record<string, string> = {};
  for (const [name, { typeDefs, resolvers }] of Object.entries(subgraphs)) {
    const server = new ApolloServer({
      schema: buildSubgraphSchema({ typeDefs, resolvers: resolvers as never }),
      plugins: [
        {
          async requestDidStart({ request }) {
            const representations = request.variables?.representations;
            if (Array.isArray(representations)) received.representations += representations.length;
          },
        },
      ],
    });
    const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
    servers.push({ url, stop: () => server.stop() });
    urls[name] = url;
  }
  const composed = composeServices(Object.entries(subgraphs).map(([name, s]) => ({ name, typeDefs: s.typeDefs, url: urls[name] })));
  if (composed.errors) throw new Error(composed.errors.map((e) => e.message).join('\n'));

  stock = new ApolloServer({ gateway: new ApolloGateway({ supergraphSdl: composed.supergraphSdl }) });
  stockUrl = (await startStandaloneServer(stock, { listen: { port: 0, host: '127.0.0.1' } })).url;

  const auth = await createTestAuth();
  mosaic = createGateway({ supergraphSdl: composed.supergraphSdl, verifier: auth.verifier, log, production: false });
  await mosaic.start();
  mosaicServer = await listen(createRoutedServer(mosaic.routes, log), 0, '127.0.0.1');
});

afterAll(async () => {
  await mosaic?.stop();
  await mosaicServer?.close();
  await stock?.stop();
  for (const server of servers) await server.stop();
});

/** What a client can rely on: data, and each error's message, path and code. */
function comparable(response: { data?: unknown; errors?: readonly { message: string; path?: readonly (string | number)[]; extensions?: Record<string, unknown> }[] }) {
  return { data: response.data, errors: (response.errors ?? []).map((e) => ({ message: e.message, path: e.path, code: e.extensions?.code })) };
}

describe('federation parity with stock @apollo/gateway', () => {
  it.each(Object.entries(QUERIES))('%s: same data and errors', async (_name, query) => {
    const expected = comparable(await graphql(stockUrl, query));
    // Twice: the second run uses the cached plan and the memoised federation operation.
    for (let run = 0; run < 2; run++) expect(comparable(await graphql(`${mosaicServer.url}/graphql`, query))).toEqual(expected);
    expect(JSON.stringify(expected.data)).not.toBe('null');
  });

  it('sends each distinct representation once per fetch, where stock repeats them', async () => {
    const sentBy = async (url: string) => {
      received.representations = 0;
      await graphql(url, QUERIES.deep!);
      return received.representations;
    };
    const stockSent = await sentBy(stockUrl);
    const mosaicSent = await sentBy(`${mosaicServer.url}/graphql`);
    expect(mosaicSent).toBeGreaterThan(0);
    expect(mosaicSent).toBeLessThan(stockSent);
  });
});
