import { randomBytes } from 'node:crypto';
import { EventEmitter, on } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { composeServices } from '@apollo/composition';
import { ApolloServer, HeaderMap } from '@apollo/server';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { GraphQLError, parse, type DocumentNode } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { createLogger, createRoutedServer, listen, type RunningServer } from '@mosaic/kit';
import { collect, createTestAuth, wsClient, type TestAuth } from '@mosaic/testing';
import { createGateway, type Gateway } from '../src/index';

/**
 * Subgraphs that know nothing of Mosaic: @apollo/subgraph under @apollo/server, graphql-ws on the
 * same path, as any team would write them. The gateway cannot ask them for admission, so it does
 * what any federation gateway does: one upstream subscription per subscriber, opened with that
 * subscriber's own token, entity fields resolved per event.
 */
interface PlainSubgraph {
  url: string;
  /** Authorization headers seen in connection_init, one per upstream socket. */
  connections: (string | undefined)[];
  activeSubscriptions: number;
  close(): Promise<void>;
}

async function servePlainSubgraph(typeDefs: DocumentNode, resolvers: Record<string, unknown>): Promise<PlainSubgraph> {
  const schema = buildSubgraphSchema({ typeDefs, resolvers: resolvers as never });
  const apollo = new ApolloServer({ schema });
  await apollo.start();
  const readJson = async (req: IncomingMessage) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
    const text = Buffer.concat(chunks).toString();
    return text ? (JSON.parse(text) as unknown) : undefined;
  };
  const server: Server = createServer((req, res) => {
    void (async () => {
      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(key, value);
      const result = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: new URL(req.url ?? '/', 'http://x').search, body: await readJson(req) },
        context: async () => ({}),
      });
      for (const [key, value] of result.headers) res.setHeader(key, value);
      res.statusCode = result.status ?? 200;
      res.end(result.body.kind === 'complete' ? result.body.string : '');
    })();
  });
  const state = { connections: [] as (string | undefined)[], activeSubscriptions: 0 };
  const disposable = useServer(
    {
      schema,
      onConnect: (ctx) => void state.connections.push(ctx.connectionParams?.authorization as string | undefined),
      onSubscribe: () => void state.activeSubscriptions++,
      onComplete: () => void state.activeSubscriptions--,
      context: (ctx) => ({ authorization: ctx.connectionParams?.authorization }),
    },
    new WebSocketServer({ server, path: '/graphql' }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    get connections() {
      return state.connections;
    },
    get activeSubscriptions() {
      return state.activeSubscriptions;
    },
    async close() {
      await disposable.dispose();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await apollo.stop();
    },
  };
}

const ticksSdl = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key"])
  type Query { channels: [String!]! }
  type Subscription { ticks(channel: String!): Tick! }
  type Tick { n: Int! by: User! }
  type User @key(fields: "id", resolvable: false) { id: ID! }
`);
const peopleSdl = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key"])
  type Query { person(id: ID!): User }
  type User @key(fields: "id") { id: ID! name: String! }
`);

const tickEvents = new EventEmitter();
const emit = (tick: { n: number; by: { id: string } }) => tickEvents.emit('tick', tick);

type TickEvent = { ticks: { n: number; by: { __typename: 'User'; id: string } } };

/** Not an async generator: its return() must end the stream at once, even while waiting for a tick. */
function ticks(): AsyncIterableIterator<TickEvent> {
  const inner = on(tickEvents, 'tick') as AsyncIterableIterator<[{ n: number; by: { id: string } }]>;
  const iterator: AsyncIterableIterator<TickEvent> = {
    async next() {
      const result = await inner.next();
      return result.done ? { done: true, value: undefined } : { done: false, value: { ticks: { n: result.value[0].n, by: { __typename: 'User', id: result.value[0].by.id } } } };
    },
    return: async () => {
      await inner.return?.();
      return { done: true, value: undefined };
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}

const log = createLogger('test', { level: process.env.TEST_LOG_LEVEL ?? 'silent' });
let ticksSubgraph: PlainSubgraph;
let peopleSubgraph: PlainSubgraph;
let gateway: Gateway;
let gatewayServer: RunningServer;
let auth: TestAuth;
let wsUrl: string;

beforeAll(async () => {
  ticksSubgraph = await servePlainSubgraph(ticksSdl, {
    Query: { channels: () => ['c1'] },
    Subscription: {
      ticks: {
        subscribe: (_: unknown, _args: unknown, ctx: { authorization?: string }) => {
          if (!ctx.authorization?.startsWith('Bearer ')) throw new GraphQLError('Sign in to watch ticks.', { extensions: { code: 'UNAUTHENTICATED' } });
          return ticks();
        },
      },
    },
  });
  peopleSubgraph = await servePlainSubgraph(peopleSdl, {
    Query: { person: (_: unknown, args: { id: string }) => ({ id: args.id }) },
    User: { __resolveReference: (ref: { id: string }) => ref, name: (user: { id: string }) => `Name of ${user.id}` },
  });
  const composed = composeServices([
    { name: 'ticks', typeDefs: ticksSdl, url: ticksSubgraph.url },
    { name: 'people', typeDefs: peopleSdl, url: peopleSubgraph.url },
  ]);
  if (composed.errors) throw new Error(composed.errors.map((e) => e.message).join('\n'));
  auth = await createTestAuth();
  // A secret is configured (as in production): standard subgraphs simply ignore the trust header.
  gateway = createGateway({ supergraphSdl: composed.supergraphSdl, verifier: auth.verifier, log, production: false, gatewaySecret: randomBytes(32).toString('base64url') });
  await gateway.start();
  const http = createRoutedServer(gateway.routes, log);
  gateway.attachSubscriptions(http);
  gatewayServer = await listen(http, 0, '127.0.0.1');
  wsUrl = `${gatewayServer.url.replace('http', 'ws')}/graphql`;
});

afterAll(async () => {
  await gateway?.stop();
  await gatewayServer?.close();
  await ticksSubgraph?.close();
  await peopleSubgraph?.close();
});

const TICKS = `subscription($channel: String!) { ticks(channel: $channel) { n by { id name } } }`;

describe('a standard federation subgraph serving subscriptions (no Mosaic kit)', () => {
  it('serves each subscriber from its own upstream subscription, opened with its own token, entities resolved per event', async () => {
    const [a, b] = await Promise.all([auth.newUser(), auth.newUser()]);
    const clients = [wsClient(wsUrl, a.token), wsClient(wsUrl, b.token)];
    const streams = clients.map((client) => collect(client, TICKS, { channel: 'c1' }));
    await expect.poll(() => ticksSubgraph.activeSubscriptions).toBe(2);
    expect(ticksSubgraph.connections).toEqual(expect.arrayContaining([`Bearer ${a.token}`, `Bearer ${b.token}`]));
    expect(gateway.subscriptions.stats().groups).toBe(2);

    emit({ n: 1, by: { id: 'ada' } });
    emit({ n: 2, by: { id: 'bob' } });
    for (const stream of streams) {
      expect((await stream.waitFor(2)).map((r) => r.data)).toEqual([
        { ticks: { n: 1, by: { id: 'ada', name: 'Name of ada' } } },
        { ticks: { n: 2, by: { id: 'bob', name: 'Name of bob' } } },
      ]);
    }
    for (const stream of streams) stream.stop();
    await expect.poll(() => ticksSubgraph.activeSubscriptions).toBe(0);
    await Promise.all(clients.map((client) => client.dispose()));
  });

  it("passes the subgraph's own refusal to the subscriber", async () => {
    const client = wsClient(wsUrl);
    const stream = collect(client, TICKS, { channel: 'c1' });
    const [result] = await stream.waitFor(1);
    expect(result!.errors).toEqual([expect.objectContaining({ message: 'Sign in to watch ticks.', extensions: expect.objectContaining({ code: 'UNAUTHENTICATED', serviceName: 'ticks' }) })]);
    expect((await stream.ended).completed).toBe(true);
    await client.dispose();
  });
});
