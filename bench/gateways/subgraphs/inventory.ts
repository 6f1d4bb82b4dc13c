import { parse } from 'graphql';
import { IN_STOCK } from './data';
import type { SubgraphDefinition } from './definition';

interface ProductRepresentation {
  upc: string;
  price?: number | null;
  weight?: number | null;
}

/**
 * `shippingEstimate` is computed from the `price` and `weight` the gateway passes (`@requires`),
 * with the public benchmark's rule: free above 1000, else half the weight. (The public Rust
 * subgraph ignores the passed fields and always answers null; computing it here makes a gateway
 * that sends wrong `@requires` fields visible in the correctness check.)
 */
function shippingEstimate(product: ProductRepresentation): number | null {
  if (product.price == null) return null;
  if (product.price > 1000) return 0;
  return product.weight == null ? null : Math.trunc(product.weight / 2);
}

export const inventory: SubgraphDefinition = {
  name: 'inventory',
  typeDefs: parse(`
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@external", "@requires"])
    type Product @key(fields: "upc") {
      upc: String!
      weight: Int @external
      price: Int @external
      inStock(locale: String): Boolean
      shippingEstimate(locale: String): Int @requires(fields: "price weight")
    }
  `),
  resolvers: {
    Product: {
      __resolveReference: (ref: ProductRepresentation) => ({ ...ref, inStock: IN_STOCK[ref.upc] ?? null }),
      shippingEstimate,
    },
  },
};
