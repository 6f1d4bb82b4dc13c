import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeId } from '@mosaic/kit';
import { collect, errorCodes, wsClient } from '@mosaic/testing';
import { startTestGraph, type TestGraph } from '../src/testing/test-graph';

/** Chat through the gateway only: federated subscriptions with the author resolved by accounts. */
let graph: TestGraph;
beforeAll(async () => {
  graph = await startTestGraph();
});
afterAll(() => graph.close());

const wsUrl = () => graph.gatewayUrl.replace('http', 'ws');
const MESSAGE_EVENTS = `subscription($roomId: ID!) {
  messageEvents(roomId: $roomId) {
    __typename
    ... on MessageAdded { message { text author { displayName } } }
    ... on MessageEdited { message { text editedAt } }
    ... on MessageDeleted { messageId }
  }
}`;
const CREATE_ROOM = `mutation($input: CreateRoomInput!) { createRoom(input: $input) { id } }`;
const SEND = `mutation($input: SendMessageInput!) { sendMessage(input: $input) { id text } }`;

async function createRoom(token: string, name: string, visibility: 'PUBLIC' | 'PRIVATE') {
  const created = await graph.call(CREATE_ROOM, { input: { name, visibility } }, token);
  expect(created.errors).toBeUndefined();
  return created.data!.createRoom.id as string;
}

/** Waits until the gateway has an upstream subscription for `count` subscribers. */
async function untilSubscribed(count: number) {
  await expect.poll(() => graph.gateway.subscriptions.stats().subscribers, { timeout: 10_000 }).toBe(count);
  // The upstream subscribe message travels gateway → chat asynchronously.
  await new Promise((resolve) => setTimeout(resolve, 300));
}

describe('chat through the gateway', () => {
  it('a subscriber receives another user\'s message with the author\'s display name from accounts', async () => {
    const alice = await graph.signUp('alice@example.com');
    const bob = await graph.signUp('bob@example.com');
    const roomId = await createRoom(alice.token, 'General', 'PUBLIC');
    await graph.call(`mutation($id: ID!) { joinRoom(roomId: $id) { id } }`, { id: roomId }, bob.token);

    const client = wsClient(wsUrl(), bob.token);
    const events = collect(client, MESSAGE_EVENTS, { roomId });
    await untilSubscribed(1);
    const sent = await graph.call(SEND, { input: { roomId, text: 'Hello from Alice' } }, alice.token);
    expect(sent.errors).toBeUndefined();
    await graph.call(`mutation($id: ID!) { editMessage(id: $id, text: "Hello again") { id } }`, { id: sent.data!.sendMessage.id }, alice.token);

    const [added, edited] = await events.waitFor(2);
    expect(added!.data).toEqual({ messageEvents: { __typename: 'MessageAdded', message: { text: 'Hello from Alice', author: { displayName: 'alice' } } } });
    expect(edited!.data).toMatchObject({ messageEvents: { __typename: 'MessageEdited', message: { text: 'Hello again' } } });
    events.stop();
    await client.dispose();
  });

  it('a client that reconnects with `after` gets the messages it missed, then live ones, each once', async () => {
    const carol = await graph.signUp('carol@example.com');
    const dave = await graph.signUp('dave@example.com');
    const roomId = await createRoom(carol.token, 'Resume', 'PUBLIC');
    const send = async (text: string) => (await graph.call(SEND, { input: { roomId, text } }, carol.token)).data!.sendMessage.id as string;
    const lastSeen = await send('seen');
    await send('missed 1');
    await send('missed 2');
    const client = wsClient(wsUrl(), dave.token);
    const events = collect(client, `subscription($roomId: ID!, $after: ID) { messageEvents(roomId: $roomId, after: $after) { ... on MessageAdded { message { text author { displayName } } } } }`, { roomId, after: lastSeen });
    await untilSubscribed(1);
    await send('live');
    const received = await events.waitFor(3);
    expect(received.map((r) => r.data!.messageEvents.message)).toEqual([
      { text: 'missed 1', author: { displayName: 'carol' } },
      { text: 'missed 2', author: { displayName: 'carol' } },
      { text: 'live', author: { displayName: 'carol' } },
    ]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(events.results).toHaveLength(3);
    events.stop();
    await client.dispose();
    await untilSubscribed(0);
  });

  it('refuses a non-member of a private room, an unknown room and a bad token', async () => {
    const owner = await graph.signUp('owner@example.com');
    const outsider = await graph.signUp('outsider@example.com');
    const roomId = await createRoom(owner.token, 'Secret', 'PRIVATE');
    const client = wsClient(wsUrl(), outsider.token);

    const refused = collect(client, MESSAGE_EVENTS, { roomId });
    expect((await refused.waitFor(1))[0]!.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    // A well-formed id of no room (changing a character of a real id may only flip base64 padding bits).
    const unknown = collect(client, MESSAGE_EVENTS, { roomId: encodeId('Room', randomUUID()) });
    const [unknownResult] = await unknown.waitFor(1);
    expect(unknownResult!.errors?.[0]?.extensions?.code).toMatch(/NOT_FOUND|BAD_USER_INPUT/);
    await client.dispose();

    const closedWith = await new Promise<number>((resolve) => {
      const bad = wsClient(wsUrl(), 'not-a-token', { on: { closed: (event) => resolve((event as { code: number }).code) } });
      collect(bad, MESSAGE_EVENTS, { roomId });
    });
    expect(closedWith).toBe(4403);
  });

  it('refuses empty and oversize messages with BAD_USER_INPUT and stores nothing', async () => {
    const author = await graph.signUp('author@example.com');
    const roomId = await createRoom(author.token, 'Limits', 'PUBLIC');
    for (const text of ['   ', 'x'.repeat(4001)]) {
      const result = await graph.call(SEND, { input: { roomId, text } }, author.token);
      expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors![0]!.extensions!.field).toBe('input.text');
    }
    const history = await graph.call(`query($id: ID!) { room(id: $id) { messages { edges { node { id } } } } }`, { id: roomId }, author.token);
    expect(history.data).toEqual({ room: { messages: { edges: [] } } });
  });

  it("delivers the event with null (and one FORBIDDEN error) where a field is not the subscriber's to see, instead of erasing it", async () => {
    const erin = await graph.signUp('erin@example.com');
    const frank = await graph.signUp('frank@example.com');
    const roomId = await createRoom(erin.token, 'Emails', 'PUBLIC');
    await graph.call(`mutation($id: ID!) { joinRoom(roomId: $id) { id } }`, { id: roomId }, frank.token);
    const client = wsClient(wsUrl(), frank.token);
    const before = graph.gateway.subscriptions.stats().subscribers;
    const events = collect(client, `subscription($roomId: ID!) { messageEvents(roomId: $roomId) { ... on MessageAdded { message { text author { displayName email } } } } }`, { roomId });
    await untilSubscribed(before + 1);
    await graph.call(SEND, { input: { roomId, text: 'mine to see' } }, frank.token);
    await graph.call(SEND, { input: { roomId, text: 'not your business' } }, erin.token);
    const [own, other] = await events.waitFor(2);
    expect(own).toEqual({ data: { messageEvents: { message: { text: 'mine to see', author: { displayName: 'frank', email: 'frank@example.com' } } } } });
    expect(other!.data).toEqual({ messageEvents: { message: { text: 'not your business', author: { displayName: 'erin', email: null } } } });
    expect(other!.errors).toEqual([expect.objectContaining({ path: ['messageEvents', 'message', 'author', 'email'], extensions: expect.objectContaining({ code: 'FORBIDDEN' }) })]);
    events.stop();
    await client.dispose();
  });
});
