import { randomBytes } from 'node:crypto';
import { composeServices } from '@apollo/composition';
import { GraphQLError, parse } from 'graphql';
import { createLogger, createRoutedServer, createSubgraph, listen, serveSubgraph, type RequestContext, type RunningServer } from '@mosaic/kit';
import { createTestAuth, type TestAuth } from '@mosaic/testing';
import { createGateway, type Gateway, type GatewayOptions } from '../src/index';

/**
 * Two subgraphs for @defer through the real gateway: `posts` owns posts and their authors' names,
 * `extras` adds what is worth deferring — `User.notes`, `User.secret` (@authenticated),
 * `Post.likes` (non-null, failing for one post) — each behind an entity fetch. `extras` waits at a
 * gate before it answers while the gate is closed, so a test can see the primary payload arrive
 * while the deferred fetch is still in flight, with no timing involved.
 */
const postsSdl = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key"])
  type Query { me: User posts: [Post!]! search: [SearchResult!]! }
  type Mutation { publish(title: String!): Post! }
  union SearchResult = Post | User
  type User @key(fields: "id") { id: ID! name: String! }
  type Post @key(fields: "id") { id: ID! title: String! author: User! }
`);

const extrasSdl = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@authenticated"])
  type User @key(fields: "id") {
    id: ID!
    notes: [Note!]!
    bio: String
    secret: String @authenticated
  }
  type Post @key(fields: "id") { id: ID! likes: Int! }
  type Note { id: ID! text: String! }
`);

export const POSTS = [
  { id: 'p1', title: 'First', authorId: 'u1' },
  { id: 'p2', title: 'Broken likes', authorId: 'u2' },
  { id: 'p3', title: 'Third', authorId: 'u1' },
];

export interface DeferTestGraph {
  gatewayUrl: string;
  wsUrl: string;
  auth: TestAuth;
  gateway: Gateway;
  /** Entity fetches `extras` received, by `__typename`. */
  extrasCalls: string[];
  /** While closed, `extras` holds every request until `open()`; `waiting()` resolves once one is held. */
  gate: { close(): void; open(): void; waiting(): Promise<void> };
  /** Stops the `extras` subgraph: its fetches fail as a whole from then on. */
  stopExtras(): Promise<void>;
  close(): Promise<void>;
}

export async function startDeferTestGraph(gatewayOptions: Partial<Omit<GatewayOptions, 'supergraphSdl' | 'verifier' | 'log'>> = {}): Promise<DeferTestGraph> {
  const log = createLogger('test', { level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const auth = await createTestAuth();
  const extrasCalls: string[] = [];
  const published = new Map<string, (typeof POSTS)[number]>();
  let release: Promise<void> = Promise.resolve();
  let openGate: () => void = () => {};
  let held: Promise<void> = new Promise(() => {});
  let signalHeld: () => void = () => {};
  const gate = {
    close() {
      release = new Promise<void>((resolve) => (openGate = resolve));
      held = new Promise<void>((resolve) => (signalHeld = resolve));
    },
    open: () => openGate(),
    waiting: () => held,
  };
  const atGate = async () => {
    signalHeld();
    await release;
  };

  const posts = createSubgraph<RequestContext>({
    deps: { name: 'posts', typeDefs: postsSdl, verifier: auth.verifier, log },
    context: (base) => base,
    resolvers: {
      Query: {
        me: (_: unknown, _args: unknown, ctx: RequestContext) => (ctx.viewer ? { id: ctx.viewer.userId } : { id: 'u1' }),
        posts: () => POSTS,
        search: () => [POSTS[0], { id: 'u2' }, POSTS[2]],
      },
      Mutation: {
        publish: (_: unknown, args: { title: string }) => {
          const post = { id: `p${published.size + 100}`, title: args.title, authorId: 'u1' };
          published.set(post.id, post);
          return post;
        },
      },
      SearchResult: { __resolveType: (value: { title?: string }) => (value.title ? 'Post' : 'User') },
      User: {
        __resolveReference: (ref: { id: string }) => ref,
        name: (user: { id: string }) => `Name ${user.id}`,
      },
      Post: {
        __resolveReference: (ref: { id: string }) => POSTS.find((p) => p.id === ref.id) ?? published.get(ref.id),
        author: (post: { authorId: string }) => ({ id: post.authorId }),
      },
    },
  });
  const extras = createSubgraph<RequestContext>({
    deps: { name: 'extras', typeDefs: extrasSdl, verifier: auth.verifier, log },
    context: (base) => base,
    resolvers: {
      User: {
        __resolveReference: async (ref: { id: string }) => {
          extrasCalls.push('User');
          await atGate();
          return ref;
        },
        notes: (user: { id: string }) => {
          if (user.id === 'u2') throw new GraphQLError('Notes are unavailable for this user.', { extensions: { code: 'UNAVAILABLE' } });
          return [1, 2].map((n) => ({ id: `${user.id}-n${n}`, text: `Note ${n} of ${user.id}` }));
        },
        bio: (user: { id: string }) => `Bio of ${user.id}`,
        secret: (user: { id: string }) => `Secret of ${user.id}`,
      },
      Post: {
        __resolveReference: async (ref: { id: string }) => {
          extrasCalls.push('Post');
          await atGate();
          return ref;
        },
        likes: (post: { id: string }) => {
          if (post.id === 'p2') throw new GraphQLError('Likes are being recounted.', { extensions: { code: 'UNAVAILABLE' } });
          return post.id.length * 10;
        },
      },
    },
  });

  const gatewaySecret = randomBytes(32).toString('base64url');
  const servers: RunningServer[] = [];
  const postsServer = await serveSubgraph(posts, { port: 0, host: '127.0.0.1', log, gatewaySecret });
  servers.push(postsServer);
  let extrasServer = await serveSubgraph(extras, { port: 0, host: '127.0.0.1', log, gatewaySecret });
  const composed = composeServices([
    { name: 'posts', typeDefs: postsSdl, url: `${postsServer.url}/graphql` },
    { name: 'extras', typeDefs: extrasSdl, url: `${extrasServer.url}/graphql` },
  ]);
  if (composed.errors) throw new Error(composed.errors.map((e) => e.message).join('\n'));

  const gateway = createGateway({ supergraphSdl: composed.supergraphSdl, verifier: auth.verifier, log, production: false, gatewaySecret, ...gatewayOptions });
  await gateway.start();
  const http = createRoutedServer(gateway.routes, log);
  gateway.attachSubscriptions(http);
  const gatewayServer = await listen(http, 0, '127.0.0.1');
  return {
    gatewayUrl: `${gatewayServer.url}/graphql`,
    wsUrl: `${gatewayServer.url.replace('http', 'ws')}/graphql`,
    auth,
    gateway,
    extrasCalls,
    gate,
    async stopExtras() {
      await extrasServer.close();
      extrasServer = { ...extrasServer, close: async () => {} };
    },
    async close() {
      gate.open();
      await gateway.stop();
      await gatewayServer.close();
      await extrasServer.close();
      for (const server of servers) await server.close();
    },
  };
}
