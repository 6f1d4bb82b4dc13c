import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_EVENTS_CONFIG, encodeId, type EventsConfig } from '@mosaic/kit';
import { collect, errorCodes, wsClient } from '@mosaic/testing';
import { AMQP_URL, cleanBroker } from './events/harness';
import { startTestGraph, type TestGraph } from '../src/testing/test-graph';

/**
 * Chat's presence, read receipts and live mentions through the gateway only, with real graphql-ws
 * clients: the people in every event resolved by accounts. Mentions travel through the outbox's
 * relay, so both event transports are exercised.
 */
const namespace = `t${randomBytes(4).toString('hex')}`;
const transports: [string, EventsConfig][] = [
  ['in-process', { ...DEFAULT_EVENTS_CONFIG, pollMs: 100, retryBaseMs: 50 }],
  ['RabbitMQ', { ...DEFAULT_EVENTS_CONFIG, pollMs: 100, retryBaseMs: 50, transport: { kind: 'rabbitmq', url: AMQP_URL, namespace } }],
];
afterAll(() => cleanBroker(['todos.account-deleted', 'notes.account-deleted', 'chat.account-deleted', 'chat.live'], ['accounts', 'chat'], namespace));

describe.each(transports)('chat presence, read receipts and live mentions through the gateway, events over %s', (_name, events) => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startTestGraph({ events });
  });
  afterAll(() => graph?.close());

  const wsUrl = () => graph.gatewayUrl.replace('http', 'ws');
  const OPEN_DM = `mutation($userIds: [ID!]!) { openDirectConversation(userIds: $userIds) { id } }`;
  const SEND = `mutation($input: SendMessageInput!) { sendMessage(input: $input) { id } }`;
  const MARK_READ = `mutation($roomId: ID!, $upTo: ID) { markRoomRead(roomId: $roomId, upToMessageId: $upTo) { id } }`;
  const SET_PRESENCE = `mutation($status: PresenceStatus!) { setPresence(status: $status) { status } }`;
  const PRESENCE_CHANGED = `subscription($roomId: ID!) { presenceChanged(roomId: $roomId) { status user { displayName } } }`;
  const RECEIPTS = `subscription($roomId: ID!) { readReceipts(roomId: $roomId) { upToMessageId user { displayName } } }`;
  const LIVE_MENTIONS = `subscription { chatMentions { id text author { displayName } } }`;
  const MEMBERS = `query($id: ID!) { room(id: $id) { members { edges { node { user { displayName presence } } } } messages { edges { node { readBy { displayName } } } } } }`;

  /** Waits until the gateway holds `count` subscribers; the upstream subscribe then travels to chat. */
  async function untilSubscribed(count: number) {
    await expect.poll(() => graph.gateway.subscriptions.stats().subscribers, { timeout: 10_000 }).toBe(count);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }

  it('a DM partner sees presence and receipts live and in the room; mentions reach only the mentioned person', async () => {
    const alice = await graph.signUp('alice.live@example.com');
    const bob = await graph.signUp('bob.live@example.com');
    const dm = await graph.call(OPEN_DM, { userIds: [bob.userId] }, alice.token);
    expect(dm.errors).toBeUndefined();
    const roomId = dm.data!.openDirectConversation.id as string;

    const bobs = wsClient(wsUrl(), bob.token);
    const alices = wsClient(wsUrl(), alice.token);
    const presence = collect(bobs, PRESENCE_CHANGED, { roomId });
    const receipts = collect(bobs, RECEIPTS, { roomId });
    const bobMentions = collect(bobs, LIVE_MENTIONS);
    await untilSubscribed(3);
    const aliceMentions = collect(alices, LIVE_MENTIONS);
    await untilSubscribed(4);

    expect((await graph.call(SET_PRESENCE, { status: 'ONLINE' }, alice.token)).data).toEqual({ setPresence: { status: 'ONLINE' } });
    // Alice's mentions stream already made her ONLINE (it holds a presence lease): the heartbeat changes nothing, the room heard it once.
    await expect.poll(() => presence.results.map((r) => r.data!.presenceChanged).filter((change) => change.user.displayName === 'alice.live'), { timeout: 5_000 }).toEqual([{ status: 'ONLINE', user: { displayName: 'alice.live' } }]);

    const sent = await graph.call(SEND, { input: { roomId, text: `<@${bob.userId}> the release notes?` } }, alice.token);
    expect(sent.errors).toBeUndefined();
    const messageId = sent.data!.sendMessage.id as string;
    expect((await bobMentions.waitFor(1))[0]!.data).toEqual({ chatMentions: { id: messageId, text: `<@${bob.userId}> the release notes?`, author: { displayName: 'alice.live' } } });

    expect((await graph.call(MARK_READ, { roomId, upTo: messageId }, bob.token)).errors).toBeUndefined();
    expect((await receipts.waitFor(1))[0]!.data).toEqual({ readReceipts: { upToMessageId: messageId, user: { displayName: 'bob.live' } } });

    const room = await graph.call(MEMBERS, { id: roomId }, alice.token);
    expect(room.errors).toBeUndefined();
    expect(room.data!.room.members.edges.map((e: any) => e.node.user)).toEqual(
      expect.arrayContaining([{ displayName: 'alice.live', presence: 'ONLINE' }, { displayName: 'bob.live', presence: 'ONLINE' }]),
    );
    expect(room.data!.room.messages.edges.map((e: any) => e.node.readBy)).toEqual([[{ displayName: 'bob.live' }]]);

    // Alice's stream got nothing for her own message: its first event is the mention bob sends now.
    const answer = await graph.call(SEND, { input: { roomId, text: `<@${alice.userId}> looking now` } }, bob.token);
    expect((await aliceMentions.waitFor(1))[0]!.data!.chatMentions.id).toBe(answer.data!.sendMessage.id);
    for (const stream of [presence, receipts, bobMentions, aliceMentions]) stream.stop();
    await bobs.dispose();
    await alices.dispose();
    await untilSubscribed(0);
  });

  it('refuses presence and receipts of rooms one is not in, and unknown rooms, with extensions.code', async () => {
    const carol = await graph.signUp('carol.live@example.com');
    const dave = await graph.signUp('dave.live@example.com');
    const outsider = await graph.signUp('outsider.live@example.com');
    const roomId = (await graph.call(OPEN_DM, { userIds: [dave.userId] }, carol.token)).data!.openDirectConversation.id as string;
    const client = wsClient(wsUrl(), outsider.token);
    expect(errorCodes((await collect(client, PRESENCE_CHANGED, { roomId }).waitFor(1))[0]!)).toEqual(['FORBIDDEN']);
    expect(errorCodes((await collect(client, RECEIPTS, { roomId }).waitFor(1))[0]!)).toEqual(['FORBIDDEN']);
    const unknown = (await collect(client, PRESENCE_CHANGED, { roomId: encodeId('Room', randomUUID()) }).waitFor(1))[0]!;
    expect(errorCodes(unknown)[0]).toMatch(/NOT_FOUND|BAD_USER_INPUT/);
    await client.dispose();
    const marked = await graph.call(MARK_READ, { roomId }, outsider.token);
    expect(errorCodes(marked)).toEqual(['FORBIDDEN']);
  });
});
