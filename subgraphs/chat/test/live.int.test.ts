import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMISSION_HEADER, encodeId } from '@mosaic/kit';
import { collect, wsClient } from '@mosaic/testing';
import { DELETE, EDIT, MESSAGE_EVENTS, REACT, SEND, SET_TYPING, TYPING, dataOf, newChatter, settle, startChat, type ChatApp } from './harness';

let app: ChatApp;
beforeAll(async () => {
  app = await startChat();
});
afterAll(() => app.close());

/** Until `count` subscriptions on the room's topic are live in the subgraph. */
async function untilLive(roomId: string, count = 1, stream: 'messages' | 'typing' = 'messages') {
  await expect.poll(() => app.listeners(roomId, stream), { timeout: 5_000 }).toBe(count);
}

describe('messageEvents over graphql-ws', () => {
  it('streams MessageAdded, MessageEdited, MessageReactionsChanged and MessageDeleted to a member', async () => {
    const ada = await newChatter(app);
    const bob = await newChatter(app);
    const room = await ada.createRoom({ visibility: 'PRIVATE' });
    await ada.invite(room.id, bob.publicId);
    await bob.join(room.id);
    const client = wsClient(app.wsUrl, bob.token);
    const stream = collect(client, MESSAGE_EVENTS, { roomId: room.id });
    await untilLive(room.id);

    const question = await ada.send(room.id, 'Lunch at noon?');
    const reply = await ada.send(room.id, 'At the usual place.', question.id);
    await ada.call(EDIT, { id: question.id, text: 'Lunch at one?' });
    await bob.call(REACT, { id: question.id, emoji: '👍' });
    await ada.call(DELETE, { id: reply.id });

    const events = (await stream.waitFor(5)).map((result) => {
      expect(result.errors).toBeUndefined();
      return result.data!.messageEvents;
    });
    expect(events[0]).toEqual({
      __typename: 'MessageAdded',
      message: { id: question.id, text: 'Lunch at noon?', author: { __typename: 'User', id: ada.publicId }, replyTo: null, createdAt: question.createdAt },
    });
    expect(events[1]).toMatchObject({ __typename: 'MessageAdded', message: { id: reply.id, replyTo: { id: question.id } } });
    expect(events[2]).toEqual({ __typename: 'MessageEdited', message: { id: question.id, text: 'Lunch at one?', editedAt: expect.stringMatching(/Z$/) } });
    expect(events[3]).toEqual({ __typename: 'MessageReactionsChanged', message: { id: question.id, reactions: [{ emoji: '👍', count: 1 }] } });
    expect(events[4]).toEqual({ __typename: 'MessageDeleted', messageId: reply.id, roomId: room.id });
    stream.stop();
    await client.dispose();
    await untilLive(room.id, 0);
  });

  it('publishes nothing for refused writes or writes that change nothing', async () => {
    const ada = await newChatter(app);
    const room = await ada.createRoom();
    const message = await ada.send(room.id, 'same');
    await app.relayed();
    const client = wsClient(app.wsUrl, ada.token);
    const stream = collect(client, MESSAGE_EVENTS, { roomId: room.id });
    await untilLive(room.id);
    await ada.call(SEND, { input: { roomId: room.id, text: '   ' } });
    await ada.call(EDIT, { id: message.id, text: 'same' });
    await ada.call(REACT, { id: message.id, emoji: 'nope' });
    await ada.send(room.id, 'marker');
    const [only] = await stream.waitFor(1);
    expect(only!.data!.messageEvents).toMatchObject({ __typename: 'MessageAdded', message: { text: 'marker' } });
    await settle();
    expect(stream.results).toHaveLength(1);
    stream.stop();
    await client.dispose();
  });

  it('lets any signed-in user follow a public room without joining it', async () => {
    const ada = await newChatter(app);
    const visitor = await newChatter(app);
    const room = await ada.createRoom();
    const client = wsClient(app.wsUrl, visitor.token);
    const stream = collect(client, MESSAGE_EVENTS, { roomId: room.id });
    await untilLive(room.id);
    await ada.send(room.id, 'welcome, lurkers');
    expect((await stream.waitFor(1))[0]!.data!.messageEvents.message.text).toBe('welcome, lurkers');
    stream.stop();
    await client.dispose();
  });

  it.each([
    ['a non-member of a private room', 'private', 'FORBIDDEN'],
    ['an unknown room', 'unknown', 'NOT_FOUND'],
    ['an id of another type', 'wrong-type', 'BAD_USER_INPUT'],
    ['an anonymous connection', 'anonymous', 'UNAUTHENTICATED'],
  ])('refuses %s with %s, and the stream ends', async (_case, kind, code) => {
    const ada = await newChatter(app);
    const mallory = await newChatter(app);
    const secret = await ada.createRoom({ visibility: 'PRIVATE' });
    const roomId = kind === 'unknown' ? encodeId('Room', '01a21844-0000-7000-8000-000000000000') : kind === 'wrong-type' ? mallory.publicId : secret.id;
    const client = wsClient(app.wsUrl, kind === 'anonymous' ? undefined : mallory.token);
    const stream = collect(client, MESSAGE_EVENTS, { roomId });
    const [refusal] = await stream.waitFor(1);
    expect(refusal!.errors?.map((e) => e.extensions?.code)).toEqual([code]);
    expect((await stream.ended).completed).toBe(true);
    expect(app.listeners(secret.id)).toBe(0);
    await client.dispose();
  });

  it('closes a connection with a bad token with 4403', async () => {
    const closed = new Promise<number>((resolve) => {
      const client = wsClient(app.wsUrl, 'not.a.jwt', { on: { closed: (event) => resolve((event as { code: number }).code) } });
      collect(client, MESSAGE_EVENTS, { roomId: encodeId('Room', '01a21844-0000-7000-8000-000000000000') });
    });
    expect(await closed).toBe(4403);
  });
});

describe('typing', () => {
  it('streams typing events with an expiry about 5 s ahead, to members and followers alike', async () => {
    const ada = await newChatter(app);
    const bob = await newChatter(app);
    const room = await ada.createRoom();
    await bob.join(room.id);
    const client = wsClient(app.wsUrl, bob.token);
    const stream = collect(client, TYPING, { roomId: room.id });
    await untilLive(room.id, 1, 'typing');

    const started = dataOf<any>(await ada.call(SET_TYPING, { roomId: room.id, isTyping: true }), 'setTyping');
    const stopped = dataOf<any>(await ada.call(SET_TYPING, { roomId: room.id, isTyping: false }), 'setTyping');
    const events = (await stream.waitFor(2)).map((result) => result.data!.typing);
    expect(events[0]).toEqual({ roomId: room.id, user: { __typename: 'User', id: ada.publicId }, isTyping: true, expiresAt: started.expiresAt });
    expect(Date.parse(events[0].expiresAt) - Date.now()).toBeGreaterThan(3_000);
    expect(Date.parse(events[0].expiresAt) - Date.now()).toBeLessThanOrEqual(5_000);
    expect(events[1]).toMatchObject({ isTyping: false, expiresAt: stopped.expiresAt });
    expect(Date.parse(stopped.expiresAt)).toBeLessThanOrEqual(Date.now());
    stream.stop();
    await client.dispose();
  });

  it('needs membership to type and, in a private room, to follow', async () => {
    const ada = await newChatter(app);
    const mallory = await newChatter(app);
    const open = await ada.createRoom();
    expect((await mallory.call(SET_TYPING, { roomId: open.id, isTyping: true })).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const secret = await ada.createRoom({ visibility: 'PRIVATE' });
    const client = wsClient(app.wsUrl, mallory.token);
    const stream = collect(client, TYPING, { roomId: secret.id });
    expect((await stream.waitFor(1))[0]!.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    await client.dispose();
  });
});

describe('subscription admission (what the gateway asks before sharing a stream)', () => {
  async function admission(token: string | undefined, query: string, roomId: string) {
    const response = await fetch(app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [ADMISSION_HEADER]: '1', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables: { roomId } }),
    });
    expect(response.status).toBe(200);
    return (await response.json()) as { admitted: boolean; shareKey?: string; errors?: { extensions: { code: string } }[] };
  }

  it('admits members of a private room with the room’s share key, for both streams, and keeps no stream open', async () => {
    const ada = await newChatter(app);
    const bob = await newChatter(app);
    const room = await ada.createRoom({ visibility: 'PRIVATE' });
    await ada.invite(room.id, bob.publicId);
    await bob.join(room.id);
    for (const user of [ada, bob]) {
      expect(await admission(user.token, MESSAGE_EVENTS, room.id)).toEqual({ admitted: true, shareKey: `shared:chat-room:${room.id}` });
      expect(await admission(user.token, TYPING, room.id)).toEqual({ admitted: true, shareKey: `shared:chat-room:${room.id}` });
    }
    expect(app.listeners(room.id)).toBe(0);
    expect(app.listeners(room.id, 'typing')).toBe(0);
  });

  it('admits any signed-in user to a public room', async () => {
    const ada = await newChatter(app);
    const visitor = await newChatter(app);
    const room = await ada.createRoom();
    expect(await admission(visitor.token, MESSAGE_EVENTS, room.id)).toEqual({ admitted: true, shareKey: `shared:chat-room:${room.id}` });
  });

  it('refuses non-members of a private room, unknown rooms and anonymous callers', async () => {
    const ada = await newChatter(app);
    const mallory = await newChatter(app);
    const room = await ada.createRoom({ visibility: 'PRIVATE' });
    const refused = await admission(mallory.token, MESSAGE_EVENTS, room.id);
    expect(refused.admitted).toBe(false);
    expect(refused.errors!.map((e) => e.extensions.code)).toEqual(['FORBIDDEN']);
    const unknown = await admission(mallory.token, MESSAGE_EVENTS, encodeId('Room', '01a21844-0000-7000-8000-000000000000'));
    expect(unknown.errors!.map((e) => e.extensions.code)).toEqual(['NOT_FOUND']);
    const anonymous = await admission(undefined, MESSAGE_EVENTS, room.id);
    expect(anonymous.errors!.map((e) => e.extensions.code)).toEqual(['UNAUTHENTICATED']);
  });

  it('turns a member away once they are removed (the gateway re-admits members periodically)', async () => {
    const ada = await newChatter(app);
    const bob = await newChatter(app);
    const room = await ada.createRoom({ visibility: 'PRIVATE' });
    await ada.invite(room.id, bob.publicId);
    await bob.join(room.id);
    expect((await admission(bob.token, MESSAGE_EVENTS, room.id)).admitted).toBe(true);
    await ada.call(`mutation($roomId: ID!, $userId: ID!) { removeRoomMember(roomId: $roomId, userId: $userId) { id } }`, { roomId: room.id, userId: bob.publicId });
    expect((await admission(bob.token, MESSAGE_EVENTS, room.id)).errors!.map((e) => e.extensions.code)).toEqual(['FORBIDDEN']);
  });
});
