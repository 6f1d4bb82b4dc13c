import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { uuidv7 } from '@mosaic/kit';
import { collect, wsClient } from '@mosaic/testing';
import { startFederatedTestGraph, type FederatedTestGraph, type TestMessage } from './federated-test-graph';

let graph: FederatedTestGraph;
beforeAll(async () => {
  graph = await startFederatedTestGraph({
    maxSubscriptionsPerConnection: 3,
    connectionInitTimeoutMs: 300,
    maxPayloadBytes: 2048,
    maxBufferedBytes: 64 * 1024,
    upstreamRetryAttempts: 1,
  });
});
afterAll(() => graph?.close());

const MESSAGE_ADDED = `subscription($room: String!) { messageAdded(room: $room) { id text author { id displayName } } }`;
let sequence = 0;
const message = (room: string, text: string, authorId = 'u1'): TestMessage => ({ id: `m${++sequence}`, text, room, author: { __typename: 'User', id: authorId } });
const settle = () => new Promise((resolve) => setTimeout(resolve, 100));

/** Until the room's upstream subscription is open in the subgraph (events before that are not seen). */
async function untilLive(room: string) {
  await expect.poll(() => graph.roomListeners(room), { timeout: 5_000 }).toBe(1);
}

describe('federated subscriptions through the gateway', () => {
  it('streams events with fields from another subgraph resolved per event', async () => {
    const { token } = await graph.auth.newUser();
    const client = wsClient(graph.wsUrl, token);
    const stream = collect(client, MESSAGE_ADDED, { room: 'lobby' });
    await untilLive('lobby');
    await graph.publish('lobby', message('lobby', 'hello', 'ada'));
    await graph.publish('lobby', message('lobby', 'again', 'bob'));
    const results = await stream.waitFor(2);
    expect(results.map((r) => r.data)).toEqual([
      { messageAdded: { id: expect.any(String), text: 'hello', author: { id: 'ada', displayName: 'Person ada' } } },
      { messageAdded: { id: expect.any(String), text: 'again', author: { id: 'bob', displayName: 'Person bob' } } },
    ]);
    stream.stop();
    await client.dispose();
  });

  it('serves many subscribers of one room from one group: one upstream subscription, one entity fetch per event', async () => {
    const users = await Promise.all(Array.from({ length: 5 }, () => graph.auth.newUser()));
    const clients = users.map((u) => wsClient(graph.wsUrl, u.token));
    const before = graph.gateway.subscriptions.stats();
    const streams = clients.map((c) => collect(c, MESSAGE_ADDED, { room: 'shared' }));
    await expect.poll(() => graph.gateway.subscriptions.stats().subscribers).toBe(before.subscribers + 5);
    await untilLive('shared');
    expect(graph.gateway.subscriptions.stats().groups).toBe(before.groups + 1);

    const fetchesBefore = graph.entityFetches.count;
    await graph.publish('shared', message('shared', 'to all', 'carol'));
    for (const stream of streams) {
      const [result] = await stream.waitFor(1);
      expect(result!.data).toEqual({ messageAdded: { id: expect.any(String), text: 'to all', author: { id: 'carol', displayName: 'Person carol' } } });
    }
    expect(graph.entityFetches.count - fetchesBefore).toBe(1);
    for (const stream of streams) stream.stop();
    await Promise.all(clients.map((c) => c.dispose()));
    await expect.poll(() => graph.gateway.subscriptions.stats().groups).toBe(before.groups);
  });

  it('keeps events in order under a burst', async () => {
    const { token } = await graph.auth.newUser();
    const client = wsClient(graph.wsUrl, token);
    const stream = collect(client, MESSAGE_ADDED, { room: 'burst' });
    await untilLive('burst');
    for (let i = 0; i < 50; i++) await graph.publish('burst', message('burst', `n${i}`));
    const results = await stream.waitFor(50);
    expect(results.map((r) => (r.data as { messageAdded: { text: string } }).messageAdded.text)).toEqual(Array.from({ length: 50 }, (_, i) => `n${i}`));
    stream.stop();
    await client.dispose();
  });

  it('admits each subscriber with its own credentials: a non-member of a private room is refused', async () => {
    const member = await graph.auth.newUser();
    const outsider = await graph.auth.newUser();
    graph.privateMembers.add(member.userId);
    const memberClient = wsClient(graph.wsUrl, member.token);
    const outsiderClient = wsClient(graph.wsUrl, outsider.token);
    const allowed = collect(memberClient, MESSAGE_ADDED, { room: 'private-1' });
    const refused = collect(outsiderClient, MESSAGE_ADDED, { room: 'private-1' });
    const [denial] = await refused.waitFor(1);
    expect(denial!.errors?.[0]).toMatchObject({ message: 'You are not a member of this room.', extensions: { code: 'FORBIDDEN' } });
    expect((await refused.ended).completed).toBe(true);
    await untilLive('private-1');
    await graph.publish('private-1', message('private-1', 'members only'));
    expect((await allowed.waitFor(1))[0]!.data).toMatchObject({ messageAdded: { text: 'members only' } });
    await settle();
    expect(refused.results).toHaveLength(1);
    allowed.stop();
    await Promise.all([memberClient.dispose(), outsiderClient.dispose()]);
  });

  it('gives each viewer its own group when the selection reads a viewer-dependent field', async () => {
    const [a, b] = await Promise.all([graph.auth.newUser(), graph.auth.newUser()]);
    const query = `subscription { messageAdded(room: "personal") { text author { secretName } } }`;
    const before = graph.gateway.subscriptions.stats().groups;
    const clients = [wsClient(graph.wsUrl, a.token), wsClient(graph.wsUrl, b.token)];
    const [streamA, streamB] = clients.map((c) => collect(c, query));
    await expect.poll(() => graph.roomListeners('personal')).toBe(2);
    expect(graph.gateway.subscriptions.stats().groups - before).toBe(2);
    await graph.publish('personal', message('personal', 'x', 'dan'));
    expect((await streamA!.waitFor(1))[0]!.data).toEqual({ messageAdded: { text: 'x', author: { secretName: `secret of dan for ${a.userId}` } } });
    expect((await streamB!.waitFor(1))[0]!.data).toEqual({ messageAdded: { text: 'x', author: { secretName: `secret of dan for ${b.userId}` } } });
    streamA!.stop();
    streamB!.stop();
    await Promise.all(clients.map((c) => c.dispose()));
  });

  it('keeps private streams private: a per-viewer topic is never shared across viewers', async () => {
    const [a, b] = await Promise.all([graph.auth.newUser(), graph.auth.newUser()]);
    const clients = [wsClient(graph.wsUrl, a.token), wsClient(graph.wsUrl, b.token)];
    const before = graph.gateway.subscriptions.stats().groups;
    const [streamA, streamB] = clients.map((c) => collect(c, `subscription { myNotices }`));
    await expect.poll(() => graph.gateway.subscriptions.stats().groups - before).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await graph.notify(a.userId, 'for a');
    await graph.notify(b.userId, 'for b');
    expect((await streamA!.waitFor(1))[0]!.data).toEqual({ myNotices: 'for a' });
    expect((await streamB!.waitFor(1))[0]!.data).toEqual({ myNotices: 'for b' });
    await settle();
    expect(streamA!.results).toHaveLength(1);
    streamA!.stop();
    streamB!.stop();
    await Promise.all(clients.map((c) => c.dispose()));
  });
});

describe('subscription input and limits', () => {
  it('refuses unknown fields, @skip on the root field, @defer and bad variables with clear errors', async () => {
    const { token } = await graph.auth.newUser();
    const client = wsClient(graph.wsUrl, token);
    const cases = [
      [`subscription { nope }`, {}, /Cannot query field \\"nope\\"/],
      [`subscription($s: Boolean!) { messageAdded(room: "a") @skip(if: $s) { id } }`, { s: false }, /@skip and @include are not allowed/],
      [`subscription { messageAdded(room: "a") { ... @defer { id } } }`, {}, /@defer is not supported in subscriptions/],
      [MESSAGE_ADDED, { room: 42 }, /String cannot represent a non string value/],
    ] as const;
    for (const [query, variables, message] of cases) {
      const stream = collect(client, query, variables);
      const ended = await stream.ended;
      const errors = ended.error ?? stream.results[0]?.errors;
      expect(JSON.stringify(errors), query).toMatch(message);
    }
    await client.dispose();
  });

  it('closes a connection with a bad token with 4403', async () => {
    const closed = new Promise<number>((resolve) => {
      const client = wsClient(graph.wsUrl, 'not-a-token', { on: { closed: (event) => resolve((event as { code: number }).code) } });
      collect(client, MESSAGE_ADDED, { room: 'lobby' });
    });
    expect(await closed).toBe(4403);
  });

  it('closes a connection that never sends connection_init with 4408', async () => {
    const socket = new WebSocket(graph.wsUrl, 'graphql-transport-ws');
    const code = await new Promise<number>((resolve) => socket.on('close', (c) => resolve(c)));
    expect(code).toBe(4408);
  });

  it('refuses more subscriptions per connection than the limit', async () => {
    const { token } = await graph.auth.newUser();
    const client = wsClient(graph.wsUrl, token);
    const streams = [1, 2, 3].map((i) => collect(client, MESSAGE_ADDED, { room: `limit-${i}` }));
    for (const i of [1, 2, 3]) await untilLive(`limit-${i}`);
    const fourth = collect(client, MESSAGE_ADDED, { room: 'limit-4' });
    const ended = await fourth.ended;
    expect(JSON.stringify(ended.error)).toMatch(/At most 3 subscriptions/);
    for (const stream of streams) stream.stop();
    await client.dispose();
  });

  it('closes a socket that sends a message over the payload limit', async () => {
    const { token } = await graph.auth.newUser();
    const code = await new Promise<number>((resolve) => {
      const client = wsClient(graph.wsUrl, token, { on: { closed: (event) => resolve((event as { code: number }).code) } });
      collect(client, `subscription { messageAdded(room: "${'x'.repeat(4096)}") { id } }`);
    });
    expect(code).toBe(1009);
  });

  it('closes a slow consumer with 4008 instead of buffering without bound', async () => {
    const { token } = await graph.auth.newUser();
    const socket = new WebSocket(graph.wsUrl, 'graphql-transport-ws');
    await new Promise((resolve) => socket.once('open', resolve));
    socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } }));
    await new Promise((resolve) => socket.once('message', resolve));
    socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: `subscription { messageAdded(room: "firehose") { text } }` } }));
    await untilLive('firehose');
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    // Stop reading: the kernel buffers fill, then the gateway's send buffer grows past the limit.
    (socket as unknown as { _socket: { pause(): void } })._socket.pause();
    const big = 'x'.repeat(16 * 1024);
    for (let i = 0; i < 2000; i++) {
      await graph.publish('firehose', message('firehose', big));
      if (i % 50 === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    }
    (socket as unknown as { _socket: { resume(): void } })._socket.resume();
    expect(await closed).toBe(4008);
  });

  it('reports the loss of the owning subgraph to subscribers as an error, not a silent hang', async () => {
    const { token } = await graph.auth.newUser();
    const client = wsClient(graph.wsUrl, token);
    const stream = collect(client, MESSAGE_ADDED, { room: 'doomed' });
    await untilLive('doomed');
    await graph.stopRooms();
    const [result] = await stream.waitFor(1, 30_000);
    expect(result!.errors?.[0]).toMatchObject({ extensions: { code: 'UNAVAILABLE', serviceName: 'rooms' } });
    expect(result!.errors?.[0]!.message).toMatch(/live stream from rooms was lost/);
    expect((await stream.ended).completed).toBe(true);
    await client.dispose();
  }, 40_000);
});

describe('subscription lifecycle', () => {
  let lifecycle: FederatedTestGraph;
  beforeAll(async () => {
    lifecycle = await startFederatedTestGraph({ readmitIntervalMs: 200, upstreamRetryAttempts: 3 });
  });
  afterAll(() => lifecycle?.close());

  it('ends the subscription of a member whose access was revoked, within the re-admission interval', async () => {
    const [stays, leaves] = await Promise.all([lifecycle.auth.newUser(), lifecycle.auth.newUser()]);
    lifecycle.privateMembers.add(stays.userId).add(leaves.userId);
    const clients = [wsClient(lifecycle.wsUrl, stays.token), wsClient(lifecycle.wsUrl, leaves.token)];
    const [staying, leaving] = clients.map((c) => collect(c, MESSAGE_ADDED, { room: 'private-club' }));
    await expect.poll(() => lifecycle.gateway.subscriptions.stats().subscribers).toBe(2);
    await expect.poll(() => lifecycle.roomListeners('private-club')).toBe(1);

    lifecycle.privateMembers.delete(leaves.userId);
    const [revoked] = await leaving!.waitFor(1, 5_000);
    expect(revoked!.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    expect((await leaving!.ended).completed).toBe(true);

    await lifecycle.publish('private-club', message('private-club', 'still here'));
    expect((await staying!.waitFor(1))[0]!.data).toMatchObject({ messageAdded: { text: 'still here' } });
    staying!.stop();
    await Promise.all(clients.map((c) => c.dispose()));
  });

  it('re-establishes the upstream stream when the owning subgraph restarts', async () => {
    const { token } = await lifecycle.auth.newUser();
    const client = wsClient(lifecycle.wsUrl, token);
    const stream = collect(client, MESSAGE_ADDED, { room: 'phoenix' });
    await expect.poll(() => lifecycle.roomListeners('phoenix')).toBe(1);
    await lifecycle.restartRooms();
    await expect.poll(() => lifecycle.roomListeners('phoenix'), { timeout: 15_000 }).toBe(1);
    await lifecycle.publish('phoenix', message('phoenix', 'back again'));
    expect((await stream.waitFor(1))[0]!.data).toMatchObject({ messageAdded: { text: 'back again' } });
    stream.stop();
    await client.dispose();
  }, 30_000);
});

describe('origin check', () => {
  let guarded: FederatedTestGraph;
  beforeAll(async () => {
    guarded = await startFederatedTestGraph({ allowedOrigins: ['https://app.example'] });
  });
  afterAll(() => guarded?.close());

  const upgrade = (origin: string) =>
    new Promise<number | 'open'>((resolve) => {
      const socket = new WebSocket(guarded.wsUrl, 'graphql-transport-ws', { headers: { origin } });
      socket.once('open', () => {
        socket.close();
        resolve('open');
      });
      socket.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      socket.once('error', () => undefined);
    });

  it('refuses browsers from origins that are not allowed, and lets allowed ones in', async () => {
    expect(await upgrade('https://evil.example')).toBe(403);
    expect(await upgrade('https://app.example')).toBe('open');
  });
});

describe('upstream identity', () => {
  let shared: FederatedTestGraph;
  beforeAll(async () => {
    shared = await startFederatedTestGraph({ upstreamRetryAttempts: 3 });
  });
  afterAll(() => shared?.close());

  it("keeps a shared group through an upstream reconnect after the first member's token expired (the upstream carries the gateway's vouch)", async () => {
    const first = await shared.auth.tokenFor(uuidv7(), { expiresInSeconds: 2 });
    const second = await shared.auth.newUser();
    const clients = [wsClient(shared.wsUrl, first), wsClient(shared.wsUrl, second.token)];
    const streams = clients.map((c) => collect(c, MESSAGE_ADDED, { room: 'long-lived' }));
    await expect.poll(() => shared.gateway.subscriptions.stats().subscribers).toBe(2);
    await expect.poll(() => shared.roomListeners('long-lived')).toBe(1);
    expect(shared.gateway.subscriptions.stats().groups).toBe(1);
    // The first member's token expires while the stream lives on; then the subgraph restarts.
    await expect.poll(() => shared.auth.verifier.verify(first).then(() => 'valid', () => 'expired'), { timeout: 5_000, interval: 200 }).toBe('expired');
    await shared.restartRooms();
    await expect.poll(() => shared.roomListeners('long-lived'), { timeout: 15_000 }).toBe(1);
    await shared.publish('long-lived', message('long-lived', 'still streaming'));
    for (const stream of streams) expect((await stream.waitFor(1))[0]!.data).toMatchObject({ messageAdded: { text: 'still streaming' } });
    for (const stream of streams) stream.stop();
    await Promise.all(clients.map((c) => c.dispose()));
  }, 30_000);
});
