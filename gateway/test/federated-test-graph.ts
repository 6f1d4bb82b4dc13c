import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import {
  createLogger,
  createMemoryPubSub,
  createRoutedServer,
  createSubgraph,
  ForbiddenError,
  listen,
  serveSubgraph,
  topicStream,
  type RequestContext,
  type RunningServer,
} from '@mosaic/kit';
import { createTestAuth, type TestAuth } from '@mosaic/testing';
import { createGateway, type Gateway, type GatewayOptions } from '../src/index';

/**
 * Two small subgraphs behind the real gateway: `rooms` streams messages whose `author` is a `User`
 * entity resolved by `people`. Private rooms admit only listed members; `people` counts its
 * `_entities` calls so tests can see how many plan executions an event caused.
 */
const roomsSdl = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@authenticated"])
  type Query { ping: String }
  type Subscription {
    messageAdded(room: String!): Message! @authenticated
    myNotices: String! @authenticated
  }
  type Message { id: ID! text: String! room: String! author: User! }
  type User @key(fields: "id", resolvable: false) { id: ID! }
`);

const peopleSdl = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@authenticated"])
  type Query { person(id: ID!): User }
  type User @key(fields: "id") {
    id: ID!
    displayName: String!
    "Viewer-dependent: only shown to signed-in callers."
    secretName: String @authenticated
  }
`);

export interface TestMessage {
  id: string;
  text: string;
  room: string;
  author: { __typename: 'User'; id: string };
}

export interface FederatedTestGraph {
  gatewayUrl: string;
  wsUrl: string;
  auth: TestAuth;
  gateway: Gateway;
  entityFetches: { count: number };
  privateMembers: Set<string>;
  publish(room: string, message: TestMessage): Promise<void>;
  /** Live subgraph-side subscriptions to a room's topic (admission checks open and close one). */
  roomListeners(room: string): number;
  notify(userId: string, notice: string): Promise<void>;
  stopRooms(): Promise<void>;
  /** Stops the rooms subgraph and starts a fresh instance on the same port (a restart). */
  restartRooms(): Promise<void>;
  close(): Promise<void>;
}

export async function startFederatedTestGraph(subscriptions: GatewayOptions['subscriptions'] = {}): Promise<FederatedTestGraph> {
  const log = createLogger('test', { level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const auth = await createTestAuth();
  const pubsub = createMemoryPubSub();
  const listeners = new Map<string, number>();
  const subscribeToPubSub = pubsub.subscribe.bind(pubsub);
  // Counts live subgraph-side subscriptions per topic, so tests publish only once a stream is open.
  pubsub.subscribe = async (topic, listener) => {
    listeners.set(topic, (listeners.get(topic) ?? 0) + 1);
    const unsubscribe = await subscribeToPubSub(topic, listener);
    return async () => {
      listeners.set(topic, (listeners.get(topic) ?? 1) - 1);
      await unsubscribe();
    };
  };
  const privateMembers = new Set<string>();
  const entityFetches = { count: 0 };

  const makeRooms = () => createSubgraph<RequestContext>({
    deps: { name: 'rooms', typeDefs: roomsSdl, verifier: auth.verifier, log },
    context: (base) => base,
    resolvers: {
      Query: { ping: () => 'pong' },
      Subscription: {
        messageAdded: {
          subscribe: async (_: unknown, args: { room: string }, ctx: RequestContext) => {
            if (args.room.startsWith('private') && !privateMembers.has(ctx.viewer!.userId)) throw new ForbiddenError('You are not a member of this room.');
            return topicStream(pubsub, `room:${args.room}`, { shareKey: `room:${args.room}` });
          },
          resolve: (message: TestMessage) => message,
        },
        myNotices: {
          subscribe: (_: unknown, _args: unknown, ctx: RequestContext) => topicStream(pubsub, `notices:${ctx.viewer!.userId}`),
          resolve: (notice: string) => notice,
        },
      },
    },
  });
  const people = createSubgraph<RequestContext>({
    deps: { name: 'people', typeDefs: peopleSdl, verifier: auth.verifier, log },
    context: (base) => base,
    resolvers: {
      Query: { person: (_: unknown, args: { id: string }) => ({ id: args.id }) },
      User: {
        __resolveReference: (reference: { id: string }) => {
          entityFetches.count++;
          return reference;
        },
        displayName: (user: { id: string }) => `Person ${user.id}`,
        secretName: (user: { id: string }, _: unknown, ctx: RequestContext) => `secret of ${user.id} for ${ctx.viewer?.userId}`,
      },
    },
  });

  const servers: RunningServer[] = [];
  let roomsServer = await serveSubgraph(makeRooms(), { port: 0, host: '127.0.0.1', log });
  const roomsPort = Number(new URL(roomsServer.url).port);
  const peopleServer = await serveSubgraph(people, { port: 0, host: '127.0.0.1', log });
  servers.push(peopleServer);
  const composed = composeServices([
    { name: 'rooms', typeDefs: roomsSdl, url: `${roomsServer.url}/graphql` },
    { name: 'people', typeDefs: peopleSdl, url: `${peopleServer.url}/graphql` },
  ]);
  if (composed.errors) throw new Error(composed.errors.map((e) => e.message).join('\n'));

  const gateway = createGateway({ supergraphSdl: composed.supergraphSdl, verifier: auth.verifier, log, production: false, subscriptions });
  await gateway.start();
  const http = createRoutedServer(gateway.routes, log);
  gateway.attachSubscriptions(http);
  const gatewayServer = await listen(http, 0, '127.0.0.1');

  return {
    gatewayUrl: `${gatewayServer.url}/graphql`,
    wsUrl: `${gatewayServer.url.replace('http', 'ws')}/graphql`,
    auth,
    gateway,
    entityFetches,
    privateMembers,
    publish: (room, message) => pubsub.publish(`room:${room}`, message),
    roomListeners: (room) => listeners.get(`room:${room}`) ?? 0,
    notify: (userId, notice) => pubsub.publish(`notices:${userId}`, notice),
    async stopRooms() {
      await roomsServer.close();
      roomsServer = { ...roomsServer, close: async () => {} };
    },
    async restartRooms() {
      await roomsServer.close();
      roomsServer = await serveSubgraph(makeRooms(), { port: roomsPort, host: '127.0.0.1', log });
    },
    async close() {
      await gateway.stop();
      await gatewayServer.close();
      await roomsServer.close();
      for (const server of servers) await server.close();
    },
  };
}
