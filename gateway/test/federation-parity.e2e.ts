import type { ChildProcess } from 'node:child_process';
import { composeServices } from '@apollo/composition';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { GraphQLError, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, createRoutedServer, listen, type RunningServer } from '@mosaic/kit';
import { createTestAuth, graphql } from '@mosaic/testing';
import { createGateway, type Gateway } from '../src/index';
import { executeQueryPlanModule } from '../src/execution/apollo-internals';
import { MOSAIC_EXECUTOR } from '../src/execution/install-executor';
import { startStockGateway } from './stock-gateway';

const executorActive = () => Boolean((executeQueryPlanModule.executeQueryPlan as unknown as Record<symbol, unknown>)[MOSAIC_EXECUTOR]);

/**
 * Federation semantics stay exactly Apollo's: the same operations go through stock
 * @apollo/gateway — in a process of its own, so none of Mosaic's replacements inside
 * federation-internals can be active there — and through Mosaic's gateway (its plan executor with
 * merged parallel entity fetches, lean client, deduplicated `_entities`, memoised operations, flat
 * exports), and the responses — data and
 * errors with message, path and code — must be identical. The corpus covers the benchmark query,
 * @requires, @provides, interfaces, unions, @skip/@include with variables, root and entity errors
 * and nulls in lists; the data stresses deduplication: repeated entities, equal keys with
 * different @requires values, errors and nulls at repeated positions.
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

const brands = [{ name: 'Cozy', products: ['p2', 'p3'] }, { name: 'Cold', products: ['p-gone', 'p1'] }];

const subgraphs = {
  accounts: {
    typeDefs: parse(`
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@shareable"])
      type Query { me: User users: [User] broken: String }
      type User @key(fields: "id") { id: ID! name: String username: String @shareable }`),
    resolvers: {
      Query: {
        me: () => ({ id: 'u1' }),
        users: () => ['u1', 'u2', 'u-missing', 'u3'].map((id) => (id === 'u-missing' ? null : { id, name: `Name ${id}`, username: `@${id}` })),
        broken: () => {
          throw new GraphQLError('Accounts are read-only right now.', { extensions: { code: 'FORBIDDEN' } });
        },
      },
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
      type Query {
        topProducts(first: Int = 10): [Product]
        repeatedProducts: [Product]
        catalog: [Item]
        search(text: String!): [SearchResult]
      }
      interface Item { upc: String! name: String }
      type Product implements Item @key(fields: "upc") { upc: String! name: String price: Int weight: Int }
      type Bundle implements Item { upc: String! name: String items: [Product] }
      type Brand { name: String! products: [Product] }
      union SearchResult = Product | Brand`),
    resolvers: {
      Query: {
        topProducts: (_: unknown, args: { first: number }) => products.slice(0, args.first),
        // The same product several times, once with a different weight (same key, other @requires input).
        repeatedProducts: () => [products[0], products[1], products[0], { ...products[0]!, weight: 5 }, products[3], products[0]],
        catalog: () => [products[0], { __typename: 'Bundle', upc: 'b1', name: 'Dining set', items: [products[0], products[2], products[2]] }, null, products[3]],
        search: (_: unknown, args: { text: string }) => [
          ...products.filter((p) => p.name.toLowerCase().includes(args.text)),
          ...brands.filter((b) => b.name.toLowerCase().includes(args.text)).map((b) => ({ __typename: 'Brand', ...b })),
        ],
      },
      Item: { __resolveType: (item: { __typename?: string }) => item.__typename ?? 'Product' },
      SearchResult: { __resolveType: (item: { __typename?: string }) => item.__typename ?? 'Product' },
      Brand: { products: (brand: { products: string[] }) => brand.products.map((upc) => products.find((p) => p.upc === upc) ?? null) },
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
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@external", "@provides"])
      type Review { id: ID! body: String author: User @provides(fields: "username") product: Product }
      type User @key(fields: "id") { id: ID! username: String @external reviews: [Review] }
      type Product @key(fields: "upc") { upc: String! reviews(first: Int): [Review] }`),
    resolvers: {
      // The provided username differs from accounts' on purpose: the planner decides which one a response shows.
      Review: { author: (r: { authorId: string }) => ({ __typename: 'User', id: r.authorId, username: `provided ${r.authorId}` }), product: (r: { upc: string }) => ({ __typename: 'Product', upc: r.upc }) },
      User: { reviews: (u: { id: string }) => reviews.filter((r) => r.authorId === u.id) },
      Product: { reviews: (p: { upc: string }, args: { first?: number | null }) => reviews.filter((r) => r.upc === p.upc).slice(0, args.first ?? undefined) },
    },
  },
};

/** The gateways benchmark's operation (graphql-hive/graphql-gateways-benchmark), on these subgraphs. */
const BENCHMARK = `
  fragment User on User { id username name }
  fragment Review on Review { id body }
  fragment Product on Product { inStock name price shippingEstimate upc weight }
  query TestQuery {
    users { ...User reviews { ...Review product { ...Product reviews { ...Review author { ...User reviews { ...Review product { ...Product } } } } } } }
    topProducts { ...Product reviews { ...Review author { ...User reviews { ...Review product { ...Product } } } } }
  }`;

const SKIP_INCLUDE = `query($withReviews: Boolean!, $skipStock: Boolean!) { topProducts(first: 3) { upc inStock @skip(if: $skipStock) reviews @include(if: $withReviews) { id author { name } } } }`;

const CORPUS: Record<string, { query: string; variables?: Record<string, unknown> }> = {
  benchmark: { query: BENCHMARK },
  deep: { query: `{ topProducts { upc name inStock shippingEstimate reviews { id body author { id name username reviews { id product { upc name inStock shippingEstimate } } } } } }` },
  repeatedWithRequires: { query: `{ repeatedProducts { upc name weight inStock shippingEstimate reviews { id author { name } } } }` },
  errorsAtRepeatedPositions: { query: `{ topProducts(first: 4) { upc reviews { id author { id name } } } }` },
  me: { query: `{ me { id name reviews { id body product { upc name shippingEstimate reviews { author { username } } } } } }` },
  aliasesAndFragments: { query: `query Q { a: topProducts(first: 2) { ...P } b: repeatedProducts { ...P } } fragment P on Product { upc price weight shippingEstimate reviews { author { name } } }` },
  provides: { query: `{ topProducts(first: 3) { reviews { author { id username name } } } users { id username } }` },
  interfaces: { query: `{ catalog { __typename upc name ... on Product { inStock shippingEstimate reviews { id } } ... on Bundle { items { upc name inStock } } } }` },
  unions: { query: `{ search(text: "c") { __typename ... on Product { upc name inStock reviews { author { name } } } ... on Brand { name products { upc inStock shippingEstimate } } } }` },
  skipIncludeOn: { query: SKIP_INCLUDE, variables: { withReviews: true, skipStock: false } },
  skipIncludeOff: { query: SKIP_INCLUDE, variables: { withReviews: false, skipStock: true } },
  nullsInLists: { query: `{ users { id name reviews { product { upc inStock } } } }` },
  rootError: { query: `{ broken me { id name } }` },
  // Entity fetches that carry the client's variables besides the representations.
  variablesInEntityFetches: { query: `query($n: Int) { repeatedProducts { upc inStock reviews(first: $n) { id author { name } } } topProducts { reviews(first: $n) { id } } }`, variables: { n: 1 } },
};

const log = createLogger('test', { level: 'silent' });
/** `_entities` representations and requests the subgraphs received, in total. */
const received = { representations: 0, requests: 0 };
const servers: { url: string; stop(): Promise<void> }[] = [];
let stock: { url: string; patched: boolean; child: ChildProcess };
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
            received.requests++;
            // Merged fetches name theirs `__r0`, `__r1`…
            for (const [name, value] of Object.entries(request.variables ?? {})) {
              if ((name === 'representations' || /^__r\d+$/.test(name)) && Array.isArray(value)) received.representations += value.length;
            }
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

  stock = await startStockGateway(composed.supergraphSdl);

  const auth = await createTestAuth();
  mosaic = createGateway({ supergraphSdl: composed.supergraphSdl, verifier: auth.verifier, log, production: false });
  await mosaic.start();
  mosaicServer = await listen(createRoutedServer(mosaic.routes, log), 0, '127.0.0.1');
});

afterAll(async () => {
  await mosaic?.stop();
  await mosaicServer?.close();
  stock?.child.kill('SIGTERM');
  for (const server of servers) await server.stop();
});

/** What a client can rely on: data, and each error's message, path and code. */
function comparable(response: { data?: unknown; errors?: readonly { message: string; path?: readonly (string | number)[]; extensions?: Record<string, unknown> }[] }) {
  const errors = (response.errors ?? []).map((e) => ({ message: e.message, path: e.path, code: e.extensions?.code }));
  // Errors of fetches that run in parallel are listed in the order the subgraphs answered — in
  // stock too — and GraphQL gives the list no order: compared as a set, each error whole.
  const key = (e: (typeof errors)[number]) => JSON.stringify([e.path, e.message, e.code]);
  return { data: response.data, errors: errors.sort((a, b) => key(a).localeCompare(key(b))) };
}

describe('federation parity with stock @apollo/gateway', () => {
  it("compares against a stock gateway in which none of Mosaic's replacements are active", () => {
    expect(stock.patched).toBe(false);
  });

  it.each(Object.entries(CORPUS))('%s: same data and errors', async (_name, { query, variables }) => {
    const expected = comparable(await graphql(stock.url, query, variables));
    // Twice: the second run uses the cached plan and the memoised federation operation.
    for (let run = 0; run < 2; run++) expect(comparable(await graphql(`${mosaicServer.url}/graphql`, query, variables))).toEqual(expected);
    expect(JSON.stringify(expected.data)).not.toBe('null');
  });

  it("runs Mosaic's plan executor, which sends entity fetches to one subgraph that are ready together as one request", async () => {
    const requestsBy = async (url: string) => {
      received.requests = 0;
      await graphql(url, CORPUS.benchmark!.query);
      return received.requests;
    };
    const stockRequests = await requestsBy(stock.url);
    const mosaicRequests = await requestsBy(`${mosaicServer.url}/graphql`);
    expect(executorActive()).toBe(true);
    expect(mosaicRequests).toBeGreaterThan(0);
    expect(mosaicRequests).toBeLessThan(stockRequests);
  });

  it('sends each distinct representation once per fetch, where stock repeats them', async () => {
    const sentBy = async (url: string) => {
      received.representations = 0;
      await graphql(url, CORPUS.deep!.query);
      return received.representations;
    };
    const stockSent = await sentBy(stock.url);
    const mosaicSent = await sentBy(`${mosaicServer.url}/graphql`);
    expect(mosaicSent).toBeGreaterThan(0);
    expect(mosaicSent).toBeLessThan(stockSent);
  });
});
