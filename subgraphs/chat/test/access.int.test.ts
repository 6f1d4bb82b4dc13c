import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { errorCodes } from '@mosaic/testing';
import { invitations, members, messages, rooms } from '../src/data/tables';
import {
  CREATE_ROOM,
  DELETE,
  EDIT,
  HISTORY,
  INVITE,
  JOIN,
  LEAVE,
  MARK_READ,
  MEMBERS,
  REACT,
  REMOVE_MEMBER,
  ROOM,
  SEND,
  SET_ROLE,
  SET_TYPING,
  UNREACT,
  newChatter,
  startChat,
  type ChatApp,
  type Chatter,
  type MessageView,
  type RoomView,
} from './harness';

let app: ChatApp;
let ada: Chatter;
let mallory: Chatter;
let secret: RoomView;
let open: RoomView;
let secretMessage: MessageView;
beforeAll(async () => {
  app = await startChat();
  ada = await newChatter(app);
  mallory = await newChatter(app);
  secret = await ada.createRoom({ name: 'Secret plans', visibility: 'PRIVATE' });
  open = await ada.createRoom({ name: 'Town square' });
  secretMessage = await ada.send(secret.id, 'the plan');
  await ada.send(open.id, 'hello town');
});
afterAll(() => app.close());

const rowCounts = async () => {
  const db = app.database.db();
  return Promise.all([rooms, members, invitations, messages].map(async (table) => (await db.select({ n: count() }).from(table))[0]!.n));
};

describe('anonymous callers', () => {
  it('are UNAUTHENTICATED on every root field, with nothing written', async () => {
    const before = await rowCounts();
    const calls: [string, Record<string, unknown>][] = [
      [CREATE_ROOM, { input: { name: 'x' } }],
      [ROOM, { id: open.id }],
      [`{ chatRooms { edges { cursor } } }`, {}],
      [`{ chatInvitations { createdAt } }`, {}],
      [JOIN, { roomId: open.id }],
      [LEAVE, { roomId: open.id }],
      [INVITE, { roomId: secret.id, userId: mallory.publicId }],
      [REMOVE_MEMBER, { roomId: open.id, userId: ada.publicId }],
      [SET_ROLE, { roomId: open.id, userId: ada.publicId, role: 'MEMBER' }],
      [SEND, { input: { roomId: open.id, text: 'hi' } }],
      [EDIT, { id: secretMessage.id, text: 'x' }],
      [DELETE, { id: secretMessage.id }],
      [REACT, { id: secretMessage.id, emoji: '👍' }],
      [UNREACT, { id: secretMessage.id, emoji: '👍' }],
      [MARK_READ, { roomId: open.id }],
      [SET_TYPING, { roomId: open.id, isTyping: true }],
      [`query($id: ID!) { _entities(representations: [{ __typename: "Room", id: $id }]) { ... on Room { name } } }`, { id: open.id }],
    ];
    for (const [query, variables] of calls) expect(errorCodes(await app.call(query, variables)), query).toEqual(['UNAUTHENTICATED']);
    expect(await rowCounts()).toEqual(before);
  });

  it('with an invalid or expired token get HTTP 401', async () => {
    const expired = await app.auth.tokenFor(ada.userId, { expiresInSeconds: -60 });
    for (const token of [expired, 'not.a.jwt']) {
      const result = await app.call(ROOM, { id: open.id }, token);
      expect(result.status).toBe(401);
      expect(errorCodes(result)).toEqual(['UNAUTHENTICATED']);
    }
  });
});

describe('private rooms', () => {
  it('are FORBIDDEN to outsiders: the room, its messages and its members', async () => {
    const room = await mallory.call(ROOM, { id: secret.id });
    expect(errorCodes(room)).toEqual(['FORBIDDEN']);
    expect(room.data).toEqual({ room: null });
    expect(errorCodes(await mallory.call(HISTORY, { id: secret.id }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await mallory.call(MEMBERS, { id: secret.id }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await mallory.call(JOIN, { roomId: secret.id }))).toEqual(['FORBIDDEN']);
  });

  it('never show up in an outsider’s lists', async () => {
    const list = await mallory.call(`{ chatRooms(first: 100) { edges { node { id } } } }`);
    const ids = list.data!.chatRooms.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(ids).toContain(open.id);
    expect(ids).not.toContain(secret.id);
  });

  it('resolve to null as entities for outsiders, and so do their messages', async () => {
    const ROOM_ENTITY = `query($id: ID!) { _entities(representations: [{ __typename: "Room", id: $id }]) { ... on Room { id name } } }`;
    const MESSAGE_ENTITY = `query($id: ID!) { _entities(representations: [{ __typename: "Message", id: $id }]) { ... on Message { id text } } }`;
    expect((await mallory.call(ROOM_ENTITY, { id: secret.id })).data).toEqual({ _entities: [null] });
    expect((await ada.call(ROOM_ENTITY, { id: secret.id })).data).toEqual({ _entities: [{ id: secret.id, name: 'Secret plans' }] });
    expect((await mallory.call(MESSAGE_ENTITY, { id: secretMessage.id })).data).toEqual({ _entities: [null] });
  });
});

describe('public rooms', () => {
  it('can be read by anyone signed in without joining; writing needs joining', async () => {
    expect(await mallory.room(open.id)).toMatchObject({ name: 'Town square', viewerRole: null, unreadCount: 0 });
    expect((await mallory.history(open.id)).edges.map((e) => e.node.text)).toEqual(['hello town']);
    expect(errorCodes(await mallory.call(MEMBERS, { id: open.id }))).toEqual([]);
    const before = await rowCounts();
    expect(errorCodes(await mallory.call(SEND, { input: { roomId: open.id, text: 'hi' } }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await mallory.call(SET_TYPING, { roomId: open.id, isTyping: true }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await mallory.call(MARK_READ, { roomId: open.id }))).toEqual(['FORBIDDEN']);
    expect(await rowCounts()).toEqual(before);
  });
});
