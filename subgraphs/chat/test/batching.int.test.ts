import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StatementCounter } from '@mosaic/testing';
import { MARK_READ, REACT, newChatter, startChat, type ChatApp, type Chatter, type RoomView } from './harness';

const counter = new StatementCounter();
let app: ChatApp;
let viewer: Chatter;
const rooms: RoomView[] = [];
const messageIds: string[] = [];

beforeAll(async () => {
  app = await startChat({ onQuery: counter.observe });
  viewer = await newChatter(app);
  const friend = await newChatter(app);
  for (let i = 0; i < 10; i++) {
    // Half public, half private; the viewer owns some and joined the others.
    const [owner, guest] = i % 2 ? [viewer, friend] : [friend, viewer];
    const room = await owner.createRoom({ name: `batch room ${i}`, visibility: i % 3 ? 'PUBLIC' : 'PRIVATE' });
    if (room.visibility === 'PRIVATE') await owner.invite(room.id, guest.publicId);
    await guest.join(room.id);
    // Replies point at messages older than a 3-message page, reactions on every message.
    const first = await friend.send(room.id, `first of ${i}`);
    for (let n = 0; n < 4; n++) {
      const message = await (n % 2 ? viewer : friend).send(room.id, `message ${n} of ${i}`, first.id);
      await viewer.call(REACT, { id: message.id, emoji: '👍' });
      await friend.call(REACT, { id: message.id, emoji: n % 2 ? '🎉' : '👍' });
      messageIds.push(message.id);
    }
    rooms.push(room);
    // The friend has read up to the second message: it and the first are read by them.
    await friend.call(MARK_READ, { roomId: room.id, upTo: messageIds.at(-3) });
  }
});
afterAll(() => app.close());

const ROOM_DETAILS = `
  id name memberCount viewerRole unreadCount
  members(first: 5) { edges { node { user { id } role } } }
  messages(first: 3) {
    edges { node { id text author { id } room { id } replyTo { id text } reactions { emoji count reactedByViewer } } }
  }`;

const LIST = `query($first: Int!) {
  chatRooms(first: $first, filter: { search: "batch room" }) { edges { node { ${ROOM_DETAILS} } } }
}`;

async function count(query: string, variables: Record<string, unknown>, field: string) {
  counter.reset();
  const result = await app.call(query, variables, viewer.token);
  expect(result.errors).toBeUndefined();
  return { statements: counter.count, data: result.data![field] };
}

describe('no N+1', () => {
  it('chatRooms with members, messages, replies, reactions and counts: 2 rooms cost what 10 rooms cost', async () => {
    const two = await count(LIST, { first: 2 }, 'chatRooms');
    const ten = await count(LIST, { first: 10 }, 'chatRooms');
    expect(two.data.edges).toHaveLength(2);
    expect(ten.data.edges).toHaveLength(10);
    expect(ten.statements).toBe(two.statements);
    // rooms (with the viewer's memberships) + member counts + unread counts + member pages
    // + message pages + replied-to messages + reaction summaries
    expect(ten.statements).toBe(7);
    for (const { node } of ten.data.edges) {
      expect(node.members.edges).toHaveLength(2);
      expect(node.messages.edges.map((e: any) => e.node.replyTo.text)).toEqual(Array(3).fill(`first of ${node.name.split(' ').at(-1)}`));
      expect(node.messages.edges[0].node.reactions).toEqual([{ emoji: '👍', count: 1, reactedByViewer: true }, { emoji: '🎉', count: 1, reactedByViewer: false }]);
    }
  });

  it('Room entities (what other subgraphs reference) with the same details: 2 cost what 10 cost', async () => {
    const ENTITIES = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Room { ${ROOM_DETAILS} } } }`;
    const reps = (n: number) => rooms.slice(0, n).map((room) => ({ __typename: 'Room', id: room.id }));
    const two = await count(ENTITIES, { reps: reps(2) }, '_entities');
    const ten = await count(ENTITIES, { reps: reps(10) }, '_entities');
    expect(ten.data.map((room: any) => room.id)).toEqual(rooms.map((room) => room.id));
    expect(ten.statements).toBe(two.statements);
    expect(ten.statements).toBeLessThanOrEqual(9);
  });

  it('User.chatRooms (me { chatRooms } through the gateway): 2 cost what 10 cost', async () => {
    const OWN = `query($id: ID!, $first: Int!) { _entities(representations: [{ __typename: "User", id: $id }]) { ... on User { chatRooms(first: $first) { edges { node { ${ROOM_DETAILS} } } } } } }`;
    const two = await count(OWN, { id: viewer.publicId, first: 2 }, '_entities');
    const ten = await count(OWN, { id: viewer.publicId, first: 10 }, '_entities');
    expect(ten.data[0].chatRooms.edges).toHaveLength(10);
    expect(ten.statements).toBe(two.statements);
    expect(ten.statements).toBe(7);
  });

  it('Message entities: one statement for the messages, one for their rooms, one for memberships', async () => {
    const ENTITIES = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Message { id text } } }`;
    const reps = (n: number) => messageIds.slice(0, n).map((id) => ({ __typename: 'Message', id }));
    const two = await count(ENTITIES, { reps: reps(2) }, '_entities');
    const many = await count(ENTITIES, { reps: reps(40) }, '_entities');
    expect(many.data).toHaveLength(40);
    expect(many.statements).toBe(two.statements);
    expect(many.statements).toBe(3);
  });

  it('Message.readBy (read receipts) and User.presence of the people in them: 2 rooms cost what 10 cost', async () => {
    const RECEIPTS = `query($first: Int!) {
      chatRooms(first: $first, filter: { search: "batch room" }) { edges { node { messages(first: 5) { edges { node { text readBy { id presence } } } } } } }
    }`;
    const two = await count(RECEIPTS, { first: 2 }, 'chatRooms');
    const ten = await count(RECEIPTS, { first: 10 }, 'chatRooms');
    expect(ten.data.edges).toHaveLength(10);
    expect(ten.statements).toBe(two.statements);
    // rooms + message pages + member counts (receipts only in small rooms) + readers + co-membership (who may see presence)
    expect(ten.statements).toBe(5);
    for (const { node } of ten.data.edges) {
      const readers = node.messages.edges.map((e: any) => e.node.readBy.map((user: any) => user.presence));
      // Newest first; the friend read up to the 3rd newest, the viewer's (the older ones are the friend's own).
      expect(readers).toEqual([[], [], ['OFFLINE'], [], []]);
    }
  });
});
