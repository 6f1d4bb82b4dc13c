import { parse } from 'graphql';
import { PRODUCTS } from './data';
import type { SubgraphDefinition } from './definition';

const byUpc = new Map(PRODUCTS.map((p) => [p.upc, p]));

export const products: SubgraphDefinition = {
  name: 'products',
  typeDefs: parse(`
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
    type Query {
      topProducts(first: Int = 5): [Product]
    }
    type Product @key(fields: "upc") {
      upc: String!
      "locale exists so that the distinct-variables scenario can vary every fetch; it does not change the answer."
      name(locale: String): String
      price: Int
      weight: Int
    }
  `),
  resolvers: {
    Query: {
      topProducts: (_: unknown, { first }: { first: number }) => PRODUCTS.slice(0, first),
    },
    Product: {
      __resolveReference: (ref: { upc: string }) => byUpc.get(ref.upc) ?? null,
    },
  },
};
