import { GraphQLError, parse, type DocumentNode } from 'graphql';

/**
 * Four small supergraphs on which stock @apollo/gateway 2.14 answers wrongly, each the shape of a
 * graphql-hive/federation-gateway-audit suite (requires-with-argument,
 * requires-with-argument-conflict, keys-mashup, non-resolvable-interface-object) reduced to what
 * shows the fault. Each case names the answer the federation spec gives (the one Hive Router
 * returns) and the wrong one stock returns. stock-gaps.e2e.ts serves them over HTTP.
 */
export interface GapSubgraph {
  typeDefs: DocumentNode;
  resolvers: Record<string, unknown>;
}

export interface GapCase {
  query: string;
  variables?: Record<string, unknown>;
  /** The correct response: data, and per error only whether there is one (`errors: true`). */
  expected: { data: unknown; errors?: true };
  /** Where Mosaic's errors are: at the field itself (its subgraph was asked for it), none elsewhere. */
  errorsAt?: (string | number)[][];
  /** Stock @apollo/gateway 2.14 answers otherwise (the others are controls both get right). */
  wrongOnStock?: true;
}

export interface GapGraph {
  subgraphs: Record<string, GapSubgraph>;
  cases: Record<string, GapCase>;
}

const fed = (imports: string) => `extend schema @link(url: "https://specs.apollo.dev/federation/v2.5", import: [${imports}])`;

const posts = [{ id: 'post1' }, { id: 'post2' }];
const comments = [
  { id: 'c1', postId: 'post1', authorId: 'a1' },
  { id: 'c2', postId: 'post1', authorId: 'a2' },
  { id: 'c3', postId: 'post1', authorId: 'a2' },
  { id: 'c4', postId: 'post2', authorId: 'a3' },
  { id: 'c5', postId: 'post2', authorId: 'a1' },
];
const commentsOf = (postId: string, limit: number) => comments.filter((c) => c.postId === postId).slice(0, limit);

/**
 * 1. `Post.lastCommenter` requires `comments(limit: 2) { authorId }`: the gateway must fetch the
 * required field with its argument. Stock's requires selection drops it, so `feed` fetches
 * every comment, and `lastCommenter` (the author of the last required comment) is wrong.
 */
export const requiresWithArgument: GapGraph = {
  subgraphs: {
    posts: {
      typeDefs: parse(`${fed('"@key"')}
        type Query { feed: [Post] }
        type Post @key(fields: "id") { id: ID! comments(limit: Int!): [Comment] }
        type Comment { id: ID! authorId: ID! }`),
      resolvers: {
        Query: { feed: () => posts },
        Post: {
          __resolveReference: (ref: { id: string }) => posts.find((p) => p.id === ref.id) ?? null,
          comments: (post: { id: string }, args: { limit: number }) => commentsOf(post.id, args.limit),
        },
      },
    },
    people: {
      typeDefs: parse(`${fed('"@key", "@external", "@requires"')}
        type Post @key(fields: "id") {
          id: ID!
          comments(limit: Int!): [Comment] @external
          lastCommenter: String @requires(fields: "comments(limit: 2) { authorId }")
        }
        type Comment { authorId: ID! @external }`),
      resolvers: {
        Post: {
          __resolveReference: (ref: { id: string; comments?: { authorId: string }[] }) => ref,
          lastCommenter: (post: { comments: { authorId: string }[] }) => {
            if (post.comments.length > 2) throw new GraphQLError(`Expected at most 2 comments, got ${post.comments.length}.`, { extensions: { code: 'BAD_REQUIRES' } });
            return post.comments.at(-1)?.authorId ?? null;
          },
        },
      },
    },
  },
  cases: {
    requiredAlone: {
      query: `{ feed { id lastCommenter } }`,
      expected: { data: { feed: [{ id: 'post1', lastCommenter: 'a2' }, { id: 'post2', lastCommenter: 'a1' }] } },
    },
    requiredBesideTheSameFieldWithOtherArguments: {
      query: `query($limit: Int!) { feed { lastCommenter comments(limit: $limit) { id } } }`,
      variables: { limit: 1 },
      wrongOnStock: true,
      expected: { data: { feed: [{ lastCommenter: 'a2', comments: [{ id: 'c1' }] }, { lastCommenter: 'a1', comments: [{ id: 'c4' }] }] } },
    },
    clientFieldInFragmentsWithADefault: {
      query: `query($limit: Int = 1) { feed { lastCommenter ...A ...B } } fragment A on Post { comments(limit: $limit) { id } } fragment B on Post { comments(limit: $limit) { authorId } }`,
      wrongOnStock: true,
      expected: { data: { feed: [{ lastCommenter: 'a2', comments: [{ id: 'c1', authorId: 'a1' }] }, { lastCommenter: 'a1', comments: [{ id: 'c4', authorId: 'a3' }] }] } },
    },
  },
};

/**
 * 1b. The same, with the required list in the subgraph that requires it and the required leaf in
 * another: `Post.firstThreeAuthors` (in `threads`) requires `comments(limit: 3) { authorId }`,
 * `threads` resolves `comments` but `authorId` comes from `people` through the `Comment` entity.
 */
export const requiresWithArgumentThroughAnEntity: GapGraph = {
  subgraphs: {
    posts: {
      typeDefs: parse(`${fed('"@key"')}
        type Query { feed: [Post] }
        type Post @key(fields: "id") { id: ID! }
        type Comment @key(fields: "id") { id: ID! authorId: ID! }`),
      resolvers: {
        Query: { feed: () => posts },
        Post: { __resolveReference: (ref: { id: string }) => posts.find((p) => p.id === ref.id) ?? null },
        Comment: { __resolveReference: (ref: { id: string }) => comments.find((c) => c.id === ref.id) ?? null },
      },
    },
    threads: {
      typeDefs: parse(`${fed('"@key", "@external", "@requires"')}
        type Post @key(fields: "id") {
          id: ID!
          comments(limit: Int!): [Comment]
          firstAuthors: [ID] @requires(fields: "comments(limit: 2) { authorId }")
        }
        type Comment @key(fields: "id") { id: ID! authorId: ID! @external }`),
      resolvers: {
        Post: {
          __resolveReference: (ref: { id: string; comments?: { authorId: string }[] }) => ({ ...ref, required: ref.comments }),
          comments: (post: { id: string }, args: { limit: number }) => commentsOf(post.id, args.limit).map((c) => ({ id: c.id })),
          firstAuthors: (post: { required: { authorId: string }[] }) => post.required.map((c) => c.authorId),
        },
        Comment: { __resolveReference: (ref: { id: string }) => ({ id: ref.id }) },
      },
    },
  },
  cases: {
    requiredAlone: {
      query: `{ feed { id firstAuthors } }`,
      expected: { data: { feed: [{ id: 'post1', firstAuthors: ['a1', 'a2'] }, { id: 'post2', firstAuthors: ['a3', 'a1'] }] } },
    },
    besideTheClientsOwn: {
      query: `{ feed { firstAuthors comments(limit: 1) { id authorId } } }`,
      wrongOnStock: true,
      expected: { data: { feed: [{ firstAuthors: ['a1', 'a2'], comments: [{ id: 'c1', authorId: 'a1' }] }, { firstAuthors: ['a3', 'a1'], comments: [{ id: 'c4', authorId: 'a3' }] }] } },
    },
  },
};

const productRows = [
  { upc: 'p1', name: 'Table', usd: 10, weight: 1, category: { usd: 12 } },
  { upc: 'p2', name: 'Couch', usd: 20, weight: 3, category: { usd: 5 } },
];
const priceIn = (usd: number, currency: string) => {
  if (currency === 'USD') return usd;
  if (currency === 'EUR') return usd * 2;
  throw new GraphQLError(`Unsupported currency ${currency}.`, { extensions: { code: 'BAD_USER_INPUT' } });
};

/**
 * 2. `shippingUSD` and `shippingEUR` require `price(currency: "USD")` and `price(currency: "EUR")`.
 * Both required values must reach the subgraph; stock fetches `price` once and hands both fields
 * the same value. `expensiveCategory` requires `category { averagePrice(currency: "EUR") }`, a
 * nested field with an argument, which a client may select with other arguments.
 */
export const requiresWithArgumentConflict: GapGraph = {
  subgraphs: {
    catalog: {
      typeDefs: parse(`${fed('"@key"')}
        type Query { products: [Product] }
        type Product @key(fields: "upc") { upc: String! name: String price(currency: String!): Int weight: Int category: Category }
        type Category { averagePrice(currency: String!): Int }`),
      resolvers: {
        Query: { products: () => productRows },
        Product: {
          __resolveReference: (ref: { upc: string }) => productRows.find((p) => p.upc === ref.upc) ?? null,
          price: (p: { usd: number }, args: { currency: string }) => priceIn(p.usd, args.currency),
        },
        Category: { averagePrice: (c: { usd: number }, args: { currency: string }) => priceIn(c.usd, args.currency) },
      },
    },
    shipping: {
      typeDefs: parse(`${fed('"@key", "@external", "@requires"')}
        type Product @key(fields: "upc") {
          upc: String!
          weight: Int @external
          price(currency: String!): Int @external
          shippingUSD: Int @requires(fields: "price(currency: \\"USD\\") weight")
          shippingEUR: Int @requires(fields: "price(currency: \\"EUR\\") weight")
          category: Category @external
          expensiveCategory: Boolean @requires(fields: "category { averagePrice(currency: \\"EUR\\") }")
        }
        type Category @external { averagePrice(currency: String!): Int }`),
      resolvers: {
        Product: {
          __resolveReference: (ref: Record<string, unknown>) => ref,
          shippingUSD: (p: { price: number; weight: number }) => p.price * p.weight,
          shippingEUR: (p: { price: number; weight: number }) => p.price * p.weight,
          expensiveCategory: (p: { category: { averagePrice: number } }) => p.category.averagePrice > 20,
        },
      },
    },
  },
  cases: {
    twoArgumentSets: {
      query: `{ products { upc shippingUSD shippingEUR } }`,
      wrongOnStock: true,
      expected: { data: { products: [{ upc: 'p1', shippingUSD: 10, shippingEUR: 20 }, { upc: 'p2', shippingUSD: 60, shippingEUR: 120 }] } },
    },
    nestedArgumentBesideTheClientsOwn: {
      query: `{ products { upc expensiveCategory category { averagePrice(currency: "USD") } } }`,
      wrongOnStock: true,
      expected: {
        data: { products: [{ upc: 'p1', expensiveCategory: true, category: { averagePrice: 12 } }, { upc: 'p2', expensiveCategory: false, category: { averagePrice: 5 } }] },
      },
    },
    oneArgumentSet: {
      query: `{ products { name shippingEUR } }`,
      expected: { data: { products: [{ name: 'Table', shippingEUR: 20 }, { name: 'Couch', shippingEUR: 120 }] } },
    },
  },
};

const things: Record<string, { id: string; code: string; serial: { one: string; two: string }; name: string }> = {
  '1': { id: '1', code: 'code-1', serial: { one: 's1.one', two: 's1.two' }, name: 'First' },
  '2': { id: '2', code: 'code-2', serial: { one: 's2.one', two: 's2.two' }, name: 'Second' },
};

/**
 * 3. `Thing` has several `@key`s. `labels` resolves it only by `id serial { two }`, after fetching
 * `name` from `names` (resolvable only by `id`) for its `@requires`. Stock's plan for `label`
 * sends the wrong key combination and `label` resolves to null.
 */
export const severalKeys: GapGraph = {
  subgraphs: {
    names: {
      typeDefs: parse(`${fed('"@key"')}
        type Thing @key(fields: "id") @key(fields: "code", resolvable: false) @key(fields: "serial { one two }", resolvable: false) @key(fields: "id serial { two }", resolvable: false) {
          id: ID! code: ID! serial: Serial! name: String!
        }
        type Serial { one: ID! two: ID! }`),
      resolvers: {
        Thing: { __resolveReference: (ref: { id: string }) => things[ref.id] ?? null },
      },
    },
    labels: {
      typeDefs: parse(`${fed('"@key", "@requires", "@external"')}
        type Query { shelf: Shelf }
        type Shelf { things: [Thing!]! }
        type Thing @key(fields: "serial { one two }", resolvable: false) @key(fields: "id serial { two }") @key(fields: "code", resolvable: false) @key(fields: "id", resolvable: false) {
          id: ID! code: ID! serial: Serial!
          name: String! @external
          label: String! @requires(fields: "name")
        }
        type Serial { one: ID! two: ID! }`),
      resolvers: {
        Query: { shelf: () => ({ things: ['1', '2'] }) },
        Shelf: { things: (shelf: { things: string[] }) => shelf.things.map((id) => ({ ...things[id]!, name: undefined })) },
        Thing: {
          __resolveReference: (ref: { id: string; serial: { two: string }; name?: string }) => {
            const thing = things[ref.id];
            if (!thing || thing.serial.two !== ref.serial.two) return null;
            return { ...thing, name: ref.name };
          },
          label: (thing: { name?: string }) => {
            if (!thing.name) throw new GraphQLError('Thing.name was not provided.', { extensions: { code: 'BAD_REQUIRES' } });
            return `label of ${thing.name}`;
          },
        },
      },
    },
  },
  cases: {
    requiresThroughAnotherKey: {
      query: `{ shelf { things { id name label } } }`,
      wrongOnStock: true,
      expected: { data: { shelf: { things: [{ id: '1', name: 'First', label: 'label of First' }, { id: '2', name: 'Second', label: 'label of Second' }] } } },
    },
  },
};

const breads = [{ __typename: 'Bread', id: 'p1', name: 'Bread' }];

/**
 * 4. `Node` is an interface entity in `nodes` that no type implements, and a non-resolvable
 * `@interfaceObject` in `extras`; `Product` is an interface entity in `extras` (implemented by
 * `Bread`) and a non-resolvable `@interfaceObject` in `nodes`. Finding the concrete type behind
 * `nodes`' `Node` cannot succeed, so `node` is null with an error; for `{ node { extra } }`
 * stock's plan is empty and it answers `node: null` with no error (and the same for
 * `holder { node { extra } }`, where it leaves `node` out of the fetch for `holder`).
 */
export const nonResolvableInterfaceObject: GapGraph = {
  subgraphs: {
    nodes: {
      typeDefs: parse(`${fed('"@key", "@interfaceObject"')}
        interface Node @key(fields: "id") { id: ID! }
        type Product @key(fields: "id", resolvable: false) @interfaceObject { id: ID! }
        type Holder { label: String node: Node noNode: Node }
        type Shelf @key(fields: "id") { id: ID! label: String node: Node }
        type Query { node: Node product: Product! holder: Holder }`),
      resolvers: {
        Query: { node: () => ({ __typename: 'Node', id: 'n1' }), product: () => ({ __typename: 'Product', id: 'p1' }), holder: () => ({ label: 'h' }) },
        Holder: { node: () => ({ __typename: 'Node', id: 'n2' }), noNode: () => null },
        Shelf: { __resolveReference: (ref: { id: string }) => ({ ...ref, label: `shelf ${ref.id}` }), node: () => ({ __typename: 'Node', id: 'n3' }) },
        Node: {
          __resolveReference: () => {
            throw new GraphQLError('Node cannot be resolved here.', { extensions: { code: 'NOT_RESOLVABLE' } });
          },
        },
      },
    },
    extras: {
      typeDefs: parse(`${fed('"@key", "@interfaceObject"')}
        type Node @key(fields: "id", resolvable: false) @interfaceObject { id: ID! extra: String }
        interface Product @key(fields: "id") { id: ID! }
        type Bread implements Product @key(fields: "id") { id: ID! name: String! }
        type Shelf @key(fields: "id", resolvable: false) { id: ID! }
        type Query { extraNode: Node extraShelves: [Shelf!]! }`),
      resolvers: {
        Query: { extraNode: () => ({ __typename: 'Node', id: 'n1' }), extraShelves: () => [{ id: 's1' }, { id: 's2' }] },
        Node: {
          __resolveReference: () => {
            throw new GraphQLError('Not resolvable.', { extensions: { code: 'NOT_RESOLVABLE' } });
          },
          extra: () => 'extra',
        },
        Product: { __resolveReference: (ref: { id: string }) => breads.find((b) => b.id === ref.id) },
        Bread: { __resolveReference: (ref: { id: string }) => breads.find((b) => b.id === ref.id) },
      },
    },
  },
  cases: {
    idOfAnUnresolvableInterface: { query: `{ node { id } }`, expected: { data: { node: null }, errors: true } },
    fieldOfAnUnresolvableInterface: { query: `{ node { extra } }`, wrongOnStock: true, expected: { data: { node: null }, errors: true } },
    nestedFieldOfAnUnresolvableInterface: { query: `{ holder { label node { extra } } }`, wrongOnStock: true, expected: { data: { holder: { label: 'h', node: null } }, errors: true } },
    nestedWithAliasAndVariable: {
      query: `query($with: Boolean!) { holder { label n: node @include(if: $with) { extra } } }`,
      variables: { with: true },
      wrongOnStock: true,
      expected: { data: { holder: { label: 'h', n: null } }, errors: true },
    },
    // The field is asked for, not assumed to fail: a null from the subgraph is a correct answer.
    // (Stock drops `noNode`, then `holder` with nothing left to select: `holder: null`.)
    nullFieldOfAnUnresolvableInterface: { query: `{ holder { noNode { extra } } }`, wrongOnStock: true, expected: { data: { holder: { noNode: null } } } },
    // Below an entity fetch: `Shelf.node` is resolved by `nodes`, reached through `_entities`.
    fieldBelowAnEntityFetch: {
      query: `{ extraShelves { id label node { extra } } }`,
      wrongOnStock: true,
      errorsAt: [['extraShelves', 0, 'node'], ['extraShelves', 1, 'node']],
      expected: { data: { extraShelves: [{ id: 's1', label: 'shelf s1', node: null }, { id: 's2', label: 'shelf s2', node: null }] }, errors: true },
    },
    onlyFieldBelowAnEntityFetch: {
      query: `{ extraShelves { id node { extra } } }`,
      wrongOnStock: true,
      errorsAt: [['extraShelves', 0, 'node'], ['extraShelves', 1, 'node']],
      expected: { data: { extraShelves: [{ id: 's1', node: null }, { id: 's2', node: null }] }, errors: true },
    },
    interfaceObjectId: { query: `{ extraNode { id } }`, expected: { data: { extraNode: { id: 'n1' } } } },
    interfaceObjectField: { query: `{ extraNode { id extra } }`, expected: { data: { extraNode: { id: 'n1', extra: 'extra' } } } },
    productId: { query: `{ product { id } }`, expected: { data: { product: { id: 'p1' } } } },
    productAsBread: { query: `{ product { ... on Bread { id name } } }`, expected: { data: { product: { id: 'p1', name: 'Bread' } } } },
  },
};

export const STOCK_GAP_GRAPHS = { requiresWithArgument, requiresWithArgumentThroughAnEntity, requiresWithArgumentConflict, severalKeys, nonResolvableInterfaceObject };
