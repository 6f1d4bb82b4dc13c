import { ApolloClient, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { createClient as createSseClient, type Client as SseClient } from 'graphql-sse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect, wsClient } from '@mosaic/testing';
import { startFederatedTestGraph, type FederatedTestGraph, type TestMessage } from './federated-test-graph';

/**
 * Subscriptions over HTTP with the real clients: graphql-sse's client (Server-Sent Events) and
 * Apollo Client's HttpLink (Apollo's multipart subscription protocol), through the same groups,
 * admission and limits as graphql-ws.
 */
let graph: FederatedTestGraph;
beforeAll(async () => {
  graph = await startFederatedTestGraph({ maxConnectionsPerAddress: 20 });
});
afterAll(() => graph?.close());

const MESSAGE_ADDED = `subscription($room: String!) { messageAdded(room: $room) { id text author { id displayName } } }`;
let sequence = 0;
const message = (room: string, text: string, authorId = 'u1'): TestMessage => ({ id: `h${++sequence}`, text, room, author: { __typename: 'User', id: authorId } });
const untilLive = (room: string, listeners = 1) => expect.poll(() => graph.roomListeners(room), { timeout: 5_000 }).toBe(listeners);

interface Received {
  results: unknown[];
  completed: Promise<void>;
  waitFor(count: number): Promise<unknown[]>;
  stop(): void;
}

/** A graphql-sse subscription, results collected as they arrive. */
function sseCollect(client: SseClient, query: string, variables: Record<string, unknown>): Received {
  const results: unknown[] = [];
  const waiters: (() => void)[] = [];
  let finish!: () => void;
  const completed = new Promise<void>((resolve) => (finish = resolve));
  const stop = client.subscribe(
    { query, variables },
    {
      next: (value) => {
        results.push(value);
        for (const wake of waiters.splice(0)) wake();
      },
      error: (error) => {
        results.push({ transportError: String(error) });
        finish();
      },
      complete: () => finish(),
    },
  );
  return {
    results,
    completed,
    stop,
    async waitFor(count) {
      while (results.length < count) await new Promise<void>((resolve) => waiters.push(resolve));
      return results.slice(0, count);
    },
  };
}

const sseClient = (token: string) => createSseClient({ url: graph.gatewayUrl, headers: { authorization: `Bearer ${token}` }, retryAttempts: 0 });

describe('subscriptions over Server-Sent Events (graphql-sse client)', () => {
  it('streams events and shares the group (one upstream subscription, one entity fetch per event) with graphql-ws subscribers', async () => {
    const [a, b] = await Promise.all([graph.auth.newUser(), graph.auth.newUser()]);
    const before = graph.gateway.subscriptions.stats();
    const sse = sseClient(a.token);
    const overSse = sseCollect(sse, MESSAGE_ADDED, { room: 'sse-shared' });
    const socket = wsClient(graph.wsUrl, b.token);
    const overWs = collect(socket, MESSAGE_ADDED, { room: 'sse-shared' });
    await expect.poll(() => graph.gateway.subscriptions.stats().subscribers).toBe(before.subscribers + 2);
    await untilLive('sse-shared');
    expect(graph.gateway.subscriptions.stats().groups).toBe(before.groups + 1);
    const fetches = graph.entityFetches.count;
    await graph.publish('sse-shared', message('sse-shared', 'to both', 'ada'));
    const expected = { data: { messageAdded: { id: expect.any(String), text: 'to both', author: { id: 'ada', displayName: 'Person ada' } } } };
    expect(await overSse.waitFor(1)).toEqual([expected]);
    expect((await overWs.waitFor(1))[0]).toEqual(expected);
    expect(graph.entityFetches.count - fetches).toBe(1);
    // The client going away ends its subscription in the gateway.
    overSse.stop();
    await expect.poll(() => graph.gateway.subscriptions.stats().subscribers).toBe(before.subscribers + 1);
    overWs.stop();
    await socket.dispose();
    sse.dispose();
  });

  it('admits with the request token: a non-member of a private room gets FORBIDDEN, then the stream completes', async () => {
    const outsider = await graph.auth.newUser();
    const sse = sseClient(outsider.token);
    const refused = sseCollect(sse, MESSAGE_ADDED, { room: 'private-sse' });
    await refused.completed;
    expect(refused.results).toEqual([{ errors: [expect.objectContaining({ message: 'You are not a member of this room.', extensions: expect.objectContaining({ code: 'FORBIDDEN' }) })] }]);
    sse.dispose();
  });

  it('refuses a bad token (401) and an invalid document (400) before streaming', async () => {
    const bad = await fetch(graph.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: 'Bearer not-a-token' },
      body: JSON.stringify({ query: MESSAGE_ADDED, variables: { room: 'x' } }),
    });
    expect(bad.status).toBe(401);
    expect(((await bad.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
    const invalid = await fetch(graph.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query: 'subscription { nope }' }),
    });
    expect(invalid.status).toBe(400);
    expect(((await invalid.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('answers queries as one event, then completes', async () => {
    const sse = createSseClient({ url: graph.gatewayUrl, retryAttempts: 0 });
    const query = sseCollect(sse, '{ ping }', {});
    await query.completed;
    expect(query.results).toEqual([{ data: { ping: 'pong' } }]);
    sse.dispose();
  });
});

describe("subscriptions over Apollo's multipart protocol (Apollo Client HttpLink)", () => {
  it('streams events to Apollo Client, in order, and ends the group when unsubscribed', async () => {
    const { token } = await graph.auth.newUser();
    const client = new ApolloClient({ link: new HttpLink({ uri: graph.gatewayUrl, headers: { authorization: `Bearer ${token}` } }), cache: new InMemoryCache() });
    const before = graph.gateway.subscriptions.stats();
    const received: unknown[] = [];
    const waiters: (() => void)[] = [];
    const subscription = client.subscribe({ query: gql(MESSAGE_ADDED), variables: { room: 'multipart' } }).subscribe({
      next: (result) => {
        received.push(result.error ? { error: result.error.message } : result.data);
        for (const wake of waiters.splice(0)) wake();
      },
    });
    await untilLive('multipart');
    for (const text of ['one', 'two', 'three']) await graph.publish('multipart', message('multipart', text, 'bob'));
    while (received.length < 3) await new Promise<void>((resolve) => waiters.push(resolve));
    expect(received).toEqual(['one', 'two', 'three'].map((text) => ({ messageAdded: { __typename: 'Message', id: expect.any(String), text, author: { __typename: 'User', id: 'bob', displayName: 'Person bob' } } })));
    subscription.unsubscribe();
    await expect.poll(() => graph.gateway.subscriptions.stats().subscribers).toBe(before.subscribers);
    await untilLive('multipart', 0);
    client.stop();
  });

  it('passes queries through to the normal HTTP path', async () => {
    const client = new ApolloClient({ link: new HttpLink({ uri: graph.gatewayUrl }), cache: new InMemoryCache() });
    const { data } = await client.query({ query: gql('{ ping }') });
    expect(data).toEqual({ ping: 'pong' });
    client.stop();
  });
});
