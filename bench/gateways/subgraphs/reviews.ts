import { parse } from 'graphql';
import { AUTHOR_OF_ANY_REVIEW, REVIEWS, REVIEWS_OF_ANY_USER, type ReviewRecord } from './data';
import type { SubgraphDefinition } from './definition';

const byId = new Map(REVIEWS.map((r) => [r.id, r]));

export const reviews: SubgraphDefinition = {
  name: 'reviews',
  typeDefs: parse(`
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@external", "@provides"])
    type Review @key(fields: "id") {
      id: ID!
      body(locale: String): String
      product: Product
      author: User @provides(fields: "username")
    }
    type User @key(fields: "id") {
      id: ID!
      username: String @external
      reviews: [Review]
    }
    type Product @key(fields: "upc") {
      upc: String!
      reviews: [Review]
    }
  `),
  resolvers: {
    Review: {
      __resolveReference: (ref: { id: string }) => byId.get(ref.id) ?? null,
      product: (review: ReviewRecord) => ({ upc: review.productUpc }),
      author: () => AUTHOR_OF_ANY_REVIEW,
    },
    User: {
      __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
      reviews: () => REVIEWS_OF_ANY_USER,
    },
    Product: {
      __resolveReference: (ref: { upc: string }) => ({ upc: ref.upc }),
      reviews: (product: { upc: string }) => REVIEWS.filter((r) => r.productUpc === product.upc),
    },
  },
};
