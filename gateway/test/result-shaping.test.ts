import { createRequire } from 'node:module';
import { buildSchema, operationFromDocument } from '@apollo/federation-internals';
import { parse, type GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadApolloInternals, type FederationOperation, type JsonObject } from '../src/execution/apollo-internals';
import { computeResponse } from '../src/execution/result-shaping';

/**
 * result-shaping.ts is @apollo/gateway's `computeResponse` with its per-selection work done once;
 * this compares the two on the same operations and merged data, data and errors alike: the
 * hand-written cases cover every branch (aliases, `@skip`/`@include` with literals, variables and
 * defaults, abstract types, `__typename` aliases, non-null propagation through lists, invalid
 * `__typename`, invalid leaf values, missing fields, introspection), and a seeded generator
 * derives many more inputs from each operation — nulls, wrong types and dropped fields anywhere.
 */
const apollo = createRequire(import.meta.url)('@apollo/gateway/dist/resultShaping') as { computeResponse: typeof computeResponse };
loadApolloInternals();

const schema = buildSchema(`
  enum Color { RED GREEN }
  scalar JSON
  interface Node { id: ID! }
  type Product implements Node { id: ID! name: String price: Int! color: Color tags: [String!] reviews: [Review!]! meta: JSON related: [Product] }
  type Review implements Node { id: ID! body: String! rating: Float author: User }
  type User implements Node { id: ID! name: String! friends: [User!] }
  union SearchResult = Product | User
  type Query { products: [Product] product(id: ID!): Product! node(id: ID!): Node search: [SearchResult!] me: User flag: Boolean count: Int! }
`);

const operations: { query: string; variables?: JsonObject }[] = [
  { query: `{ products { id name price color tags reviews { id body rating author { id name } } meta } }` },
  { query: `{ a: product(id: "1") { n: name p: price t: __typename } b: products { id } }` },
  { query: `query($s: Boolean!, $i: Boolean = true) { products { id name @skip(if: $s) price @include(if: $i) ... on Product @skip(if: true) { color } } }`, variables: { s: true } },
  { query: `query($s: Boolean!, $i: Boolean = true) { products { id name @skip(if: $s) price @include(if: $i) } }`, variables: { s: false, i: false } },
  { query: `{ node(id: "1") { __typename id ... on Product { name price } ... on User { name friends { id name } } } }` },
  { query: `{ search { __typename ... on Product { id name related { id name } } ... on User { id name } } }` },
  { query: `{ search { ... on Node { id } ... on User { name } kind: __typename } }` },
  { query: `fragment P on Product { id price reviews { body } } { products { ...P ...P name } me { ... { name } } }` },
  { query: `{ me { name friends { name friends { id } } } flag count }` },
  { query: `{ __typename products { __typename id } __schema { queryType { name } } }` },
];

function inputsFor(): JsonObject[] {
  const product = (id: string, extra: JsonObject = {}): JsonObject => ({
    __typename: 'Product',
    id,
    name: `P${id}`,
    n: `P${id}`,
    price: 10,
    p: 10,
    color: 'RED',
    tags: ['a', 'b'],
    reviews: [{ __typename: 'Review', id: `r${id}`, body: 'ok', rating: 4.5, author: { __typename: 'User', id: 'u1', name: 'U' } }],
    meta: { any: ['thing'] },
    related: [null, { __typename: 'Product', id: 'x', name: 'X' }],
    ...extra,
  });
  const user: JsonObject = { __typename: 'User', id: 'u1', name: 'U', friends: [{ __typename: 'User', id: 'u2', name: 'V', friends: [] }] };
  return [
    { products: [product('1'), null, product('2')], a: product('1'), b: [product('3')], product: product('1'), node: product('1'), search: [product('1'), user], me: user, flag: true, count: 3 },
    { products: [product('1', { price: null }), product('2', { color: 'BLUE' })], a: product('1', { p: 'x' }), node: user, search: [user, { __typename: 'Nope', id: 'z' }], me: { ...user, name: null }, flag: 'yes', count: null },
    { products: [product('1', { reviews: [{ __typename: 'Review', id: 'r', body: null }] })], a: product('1', { __typename: 'Review' }), node: { id: 'n' }, search: null, me: { ...user, friends: [{ __typename: 'User', id: 'u2', name: null }] }, count: 1.5 },
    { products: null, a: null, product: null, node: null, search: [null], me: null, count: 'three', flag: 1 },
    { products: [product('1', { tags: ['a', null], meta: null, related: null })], a: { ...product('2'), __typename: undefined }, node: { __typename: 'User', id: 7, name: 'N' }, search: [product('1', { related: [product('y', { name: 42 })] })] },
    {},
  ];
}

/** A seeded generator: the same sequence on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function mutate(value: unknown, next: () => number): unknown {
  if (Array.isArray(value)) return value.map((element) => mutate(element, next));
  if (value === null || typeof value !== 'object') {
    const r = next();
    if (r < 0.06) return null;
    if (r < 0.09) return typeof value === 'number' ? 'str' : 12;
    return value;
  }
  const out: JsonObject = {};
  for (const [key, child] of Object.entries(value)) {
    const r = next();
    if (r < 0.05) continue;
    if (r < 0.1) out[key] = null;
    else if (r < 0.12 && key === '__typename') out[key] = next() < 0.5 ? 'User' : 'Product';
    else out[key] = mutate(child, next);
  }
  return out;
}

const asPlain = (value: unknown) => JSON.parse(JSON.stringify(value ?? null)) as unknown;
const errorsOf = (errors: GraphQLError[]) => errors.map((e) => ({ message: e.message, path: e.path, code: e.extensions.code }));

function outcome(shape: typeof computeResponse, operation: FederationOperation, variables: JsonObject | undefined, input: JsonObject) {
  const introspectionHandling = (selection: unknown) => `introspected ${String(selection)}`;
  try {
    const { data, errors } = shape({ operation, variables, input: structuredClone(input), introspectionHandling });
    return { data: asPlain(data), errors: errorsOf(errors) };
  } catch (error) {
    return { thrown: (error as Error).message };
  }
}

describe("result shaping is Apollo's computeResponse", () => {
  for (const [n, { query, variables }] of operations.entries()) {
    it(`operation ${n}: the same data and errors for every input`, () => {
      const operation = operationFromDocument(schema, parse(query), { validate: true }) as unknown as FederationOperation;
      const next = random(n + 1);
      const inputs = inputsFor();
      for (const base of inputsFor()) for (let i = 0; i < 40; i++) inputs.push(mutate(base, next) as JsonObject);
      let nonTrivial = 0;
      for (const input of inputs) {
        const expected = outcome(apollo.computeResponse, operation, variables, input);
        expect(outcome(computeResponse, operation, variables, input)).toEqual(expected);
        // And again: the second run reads what the first one cached.
        expect(outcome(computeResponse, operation, variables, input)).toEqual(expected);
        if (expected.errors?.length) nonTrivial++;
      }
      expect(nonTrivial).toBeGreaterThan(0);
    });
  }
});
