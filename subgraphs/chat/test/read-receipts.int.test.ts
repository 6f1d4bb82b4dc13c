import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeId } from '@mosaic/kit';
import { collect, errorCodes, wsClient } from '@mosaic/testing';
import { MARK_READ, dataOf, newChatter, startChat, type ChatApp, type Chatter } from './harness';

/** Receipts are kept in rooms of up to 3 members here (direct conversations always). */
let app: ChatApp;
beforeAll(async () => {
  app = await startChat({ env: { CHAT_READ_RECEIPTS_MAX_MEMBERS: '3' } });
});
afterAll(() => app.close());

const OPEN_DM = `mutation($userIds: [ID!]!) { openDirectConversation(userIds: $userIds) { id } }`;
const READ_BY = `query($id: ID!) { room(id: $id) { messages(first: 50) { edges { node { text readBy { id } } } } } }`;
const RECEIPTS = `subscription($roomId: ID!) { readReceipts(roomId: $roomId) { roomId user { id } upToMessageId readAt } }`;

async function readBy(viewer: Chatter, roomId: string): Promise<Record<string, string[] | null>> {
  const edges = dataOf<any>(await viewer.call(READ_BY, { id: roomId }), 'room').messages.edges as { node: { text: string; readBy: { id: string }[] | null } }[];
  return Object.fromEntries(edges.map(({ node }) => [node.text, node.readBy?.map((user) => user.id) ?? null]));
}
const markRead = (user: Chatter, roomId: string, upTo?: string) => user.call(MARK_READ, { roomId, upTo });
async function dm(from: Chatter, ...to: Chatter[]): Promise<string> {
  return dataOf<{ id: string }>(await from.call(OPEN_DM, { userIds: to.map((user) => user.publicId) }), 'openDirectConversation').id;
}

describe('read receipts', () => {
  it('readBy follows the read markers: up to a message, forward only, the author aside, idempotent', async () => {
    const ada = await newChatter(app);
    const bob = await newChatter(app);
    const roomId = await dm(ada, bob);
    const first = await ada.send(roomId, 'one');
    const second = await ada.send(roomId, 'two');
    await ada.send(roomId, 'three');
    // Opening a conversation puts nobody's marker anywhere yet: nothing read.
    expect(await readBy(ada, roomId)).toEqual({ one: [], two: [], three: [] });

    expect(dataOf<any>(await markRead(bob, roomId, second.id), 'markRoomRead').unreadCount).toBe(1);
    expect(await readBy(ada, roomId)).toEqual({ one: [bob.publicId], two: [bob.publicId], three: [] });
    // Again, or backwards: nothing moves.
    await markRead(bob, roomId, second.id);
    await markRead(bob, roomId, first.id);
    expect(await readBy(bob, roomId)).toEqual({ one: [bob.publicId], two: [bob.publicId], three: [] });
    // Without a message: everything; the author's own marker counts for others' messages only.
    await markRead(bob, roomId);
    const reply = await bob.send(roomId, 'four');
    await markRead(ada, roomId, reply.id);
    expect(await readBy(bob, roomId)).toEqual({ one: [bob.publicId], two: [bob.publicId], three: [bob.publicId], four: [ada.publicId] });
  });

  it('are live: one event per marker move, none for a repeat or a step back', async () => {
    const ada = await newChatter(app);
    const bob = await newChatter(app);
    const roomId = await dm(ada, bob);
    const first = await ada.send(roomId, 'one');
    const second = await ada.send(roomId, 'two');
    const client = wsClient(app.wsUrl, ada.token);
    const receipts = collect(client, RECEIPTS, { roomId });
    await expect.poll(() => app.listeners(roomId, 'receipts'), { timeout: 5_000 }).toBe(1);

    await markRead(bob, roomId, first.id);
    await markRead(bob, roomId, first.id);
    await markRead(bob, roomId, first.id);
    await markRead(bob, roomId, second.id);
    const [one, two] = await receipts.waitFor(2);
    expect(one!.data!.readReceipts).toEqual({ roomId, user: { id: bob.publicId }, upToMessageId: first.id, readAt: expect.any(String) });
    expect(two!.data!.readReceipts).toMatchObject({ user: { id: bob.publicId }, upToMessageId: second.id });
    receipts.stop();
    await client.dispose();
  });

  it('are not kept in rooms above the limit: readBy is null and the stream is refused; direct conversations always keep them', async () => {
    const [ada, bob, cy, dee] = [await newChatter(app), await newChatter(app), await newChatter(app), await newChatter(app)];
    const room = await ada.createRoom({ name: 'Crowd' });
    for (const member of [bob, cy, dee]) await member.join(room.id);
    const message = await ada.send(room.id, 'hello crowd');
    await markRead(bob, room.id, message.id);
    expect(await readBy(ada, room.id)).toEqual({ 'hello crowd': null });
    const client = wsClient(app.wsUrl, ada.token);
    const refused = (await collect(client, RECEIPTS, { roomId: room.id }).waitFor(1))[0]!;
    expect(errorCodes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(refused.errors![0]!.extensions!.field).toBe('roomId');
    await client.dispose();

    const group = await dm(ada, bob, cy, dee);
    const sent = await ada.send(group, 'hello group');
    await markRead(dee, group, sent.id);
    expect(await readBy(ada, group)).toEqual({ 'hello group': [dee.publicId] });
  });

  it('refuse rooms you are not in, messages of other rooms and unknown ids, and change nothing', async () => {
    const ada = await newChatter(app);
    const bob = await newChatter(app);
    const outsider = await newChatter(app);
    const roomId = await dm(ada, bob);
    const message = await ada.send(roomId, 'private words');
    const elsewhere = await (await outsider.createRoom({ name: 'Elsewhere' })).id;
    const other = await outsider.send(elsewhere, 'other room');

    expect(errorCodes(await markRead(outsider, roomId, message.id))).toEqual(['FORBIDDEN']);
    const foreign = await markRead(bob, roomId, other.id);
    expect(errorCodes(foreign)).toEqual(['BAD_USER_INPUT']);
    expect(foreign.errors![0]!.extensions!.field).toBe('upToMessageId');
    expect(errorCodes(await markRead(bob, roomId, encodeId('Message', randomUUID())))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await markRead(bob, encodeId('Room', randomUUID()), message.id))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await markRead(bob, message.id))).toEqual(['BAD_USER_INPUT']);
    expect(await readBy(ada, roomId)).toEqual({ 'private words': [] });

    const client = wsClient(app.wsUrl, outsider.token);
    expect(errorCodes((await collect(client, RECEIPTS, { roomId }).waitFor(1))[0]!)).toEqual(['FORBIDDEN']);
    expect(errorCodes((await collect(client, RECEIPTS, { roomId: encodeId('Room', randomUUID()) }).waitFor(1))[0]!)).toEqual(['NOT_FOUND']);
    await client.dispose();
  });
});
