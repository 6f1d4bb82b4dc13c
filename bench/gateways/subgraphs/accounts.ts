import { parse } from 'graphql';
import { USERS } from './data';
import type { SubgraphDefinition } from './definition';

const byId = new Map(USERS.map((u) => [u.id, u]));

export const accounts: SubgraphDefinition = {
  name: 'accounts',
  typeDefs: parse(`
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable"])
    type Query {
      me: User
      user(id: ID!): User
      users: [User]
    }
    type User @key(fields: "id") {
      id: ID!
      name(locale: String): String
      "Also provided by reviews on Review.author (@provides)."
      username: String @shareable
      birthday: Int
    }
  `),
  resolvers: {
    Query: {
      me: () => USERS[0],
      user: (_: unknown, { id }: { id: string }) => byId.get(id) ?? null,
      users: () => USERS,
    },
    User: {
      __resolveReference: (ref: { id: string }) => byId.get(ref.id) ?? null,
    },
  },
};
