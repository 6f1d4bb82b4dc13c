import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { encodeId } from '@mosaic/kit';
import { errorCodes } from '@mosaic/testing';
import { members, rooms } from '../src/data/tables';
import { CREATE_ROOM, INVITE, JOIN, LEAVE, MEMBERS, REMOVE_MEMBER, ROOM, SET_ROLE, dataOf, newChatter, startChat, type ChatApp } from './harness';

let app: ChatApp;
beforeAll(async () => {
  app = await startChat();
});
afterAll(() => app.close());

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const rowCount = async (table: typeof rooms | typeof members) => (await app.database.db().select({ n: count() }).from(table))[0]!.n;

describe('createRoom', () => {
  it('creates a public room by default, with the creator as its only owner', async () => {
    const ada = await newChatter(app);
    const room = await ada.createRoom({ name: '  Lobby  ', description: '  Say hi.  ' });
    expect(room).toMatchObject({ name: 'Lobby', description: 'Say hi.', visibility: 'PUBLIC', memberCount: 1, viewerRole: 'OWNER', unreadCount: 0 });
    expect(Buffer.from(room.id, 'base64url').toString()).toMatch(/^Room:[0-9a-f-]{36}$/);
    expect(room.createdAt).toMatch(ISO_UTC);
    expect(room.lastActivityAt).toBe(room.createdAt);
    const listed = dataOf<any>(await ada.call(MEMBERS, { id: room.id }), 'room').members.edges;
    expect(listed.map((e: any) => e.node)).toEqual([{ user: { id: ada.publicId }, role: 'OWNER', joinedAt: room.createdAt }]);
  });

  it('creates a private room; an empty description is none', async () => {
    const ada = await newChatter(app);
    const room = await ada.createRoom({ name: 'Secret', description: '   ', visibility: 'PRIVATE' });
    expect(room).toMatchObject({ visibility: 'PRIVATE', description: null });
    expect(await ada.room(room.id)).toEqual(room);
  });
});

describe('updateRoom', () => {
  const UPDATE = `mutation($id: ID!, $input: UpdateRoomInput!) { updateRoom(id: $id, input: $input) { name description } }`;

  it('lets owners rename and redescribe; omitted fields keep their value; null removes the description', async () => {
    const ada = await newChatter(app);
    const room = await ada.createRoom({ name: 'Old', description: 'desc' });
    expect(dataOf(await ada.call(UPDATE, { id: room.id, input: { name: ' New ' } }), 'updateRoom')).toEqual({ name: 'New', description: 'desc' });
    expect(dataOf(await ada.call(UPDATE, { id: room.id, input: { description: null } }), 'updateRoom')).toEqual({ name: 'New', description: null });
    const nothing = await ada.call(UPDATE, { id: room.id, input: {} });
    expect(nothing.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input' });
  });

  it('refuses members who are not owners, and strangers', async () => {
    const ada = await newChatter(app);
    const bob = await newChatter(app);
    const room = await ada.createRoom({ name: 'Mine' });
    await bob.join(room.id);
    expect(errorCodes(await bob.call(UPDATE, { id: room.id, input: { name: 'Ours' } }))).toEqual(['FORBIDDEN']);
    const secret = await ada.createRoom({ name: 'Secret', visibility: 'PRIVATE' });
    expect(errorCodes(await bob.call(UPDATE, { id: secret.id, input: { name: 'Mine now' } }))).toEqual(['FORBIDDEN']);
    expect((await ada.room(room.id)).name).toBe('Mine');
  });
});

describe('joining', () => {
  it('any signed-in user joins a public room; joining again changes nothing', async () => {
    const ada = await newChatter(app);
    const bob = await newChatter(app);
    const room = await ada.createRoom();
    expect(await bob.join(room.id)).toMatchObject({ memberCount: 2, viewerRole: 'MEMBER' });
    expect(await bob.join(room.id)).toMatchObject({ memberCount: 2, viewerRole: 'MEMBER' });
  });

  it('a private room needs an invitation, which joining uses up', async () => {
    const ada = await newChatter(app);
    const bob = await newChatter(app);
    const carol = await newChatter(app);
    const room = await ada.createRoom({ name: 'Inner circle', visibility: 'PRIVATE' });
    expect(errorCodes(await bob.call(JOIN, { roomId: room.id }))).toEqual(['FORBIDDEN']);

    const invitation = await ada.invite(room.id, bob.publicId);
    expect(invitation).toMatchObject({ room: { id: room.id, name: 'Inner circle' }, user: { id: bob.publicId }, invitedBy: { id: ada.publicId } });
    expect(dataOf<any[]>(await bob.call(`{ chatInvitations { room { id } invitedBy { id } } }`), 'chatInvitations')).toEqual([
      { room: { id: room.id }, invitedBy: { id: ada.publicId } },
    ]);
    // Invited: the room is visible, its messages are not (yet).
    expect((await bob.room(room.id)).name).toBe('Inner circle');
    expect(errorCodes(await bob.call(`query($id: ID!) { room(id: $id) { messages { edges { cursor } } } }`, { id: room.id }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await carol.call(ROOM, { id: room.id }))).toEqual(['FORBIDDEN']);

    expect(await bob.join(room.id)).toMatchObject({ memberCount: 2, viewerRole: 'MEMBER' });
    expect(dataOf(await bob.call(`{ chatInvitations { createdAt } }`), 'chatInvitations')).toEqual([]);
    // Members may invite too.
    await bob.invite(room.id, carol.publicId);
    expect(await carol.join(room.id)).toMatchObject({ memberCount: 3 });
  });

  it('inviting twice changes nothing; inviting a member is a CONFLICT; public rooms and yourself are bad input', async () => {
    const ada = await newChatter(app);
    const bob = await newChatter(app);
    const room = await ada.createRoom({ visibility: 'PRIVATE' });
    const first = await ada.invite(room.id, bob.publicId);
    expect(await ada.invite(room.id, bob.publicId)).toEqual(first);
    await bob.join(room.id);
    expect(errorCodes(await ada.call(INVITE, { roomId: room.id, userId: bob.publicId }))).toEqual(['CONFLICT']);
    const self = await ada.call(INVITE, { roomId: room.id, userId: ada.publicId });
    expect(self.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'userId' });
    const open = await ada.createRoom();
    const publicInvite = await ada.call(INVITE, { roomId: open.id, userId: bob.publicId });
    expect(publicInvite.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'roomId' });
  });

  it('only members can invite to a private room', async () => {
    const ada = await newChatter(app);
    const mallory = await newChatter(app);
    const room = await ada.createRoom({ visibility: 'PRIVATE' });
    expect(errorCodes(await mallory.call(INVITE, { roomId: room.id, userId: mallory.publicId }))).toEqual(['BAD_USER_INPUT']);
    const eve = await newChatter(app);
    expect(errorCodes(await mallory.call(INVITE, { roomId: room.id, userId: eve.publicId }))).toEqual(['FORBIDDEN']);
  });
});

describe('leaving', () => {
  it('a member leaves; the room stays', async () => {
    const ada = await newChatter(app);
    const bob = await newChatter(app);
    const room = await ada.createRoom();
    await bob.join(room.id);
    expect(dataOf(await bob.call(LEAVE, { roomId: room.id }), 'leaveRoom')).toEqual({ roomId: room.id, roomDeleted: false });
    expect(await ada.room(room.id)).toMatchObject({ memberCount: 1 });
    expect(errorCodes(await bob.call(LEAVE, { roomId: room.id }))).toEqual(['FORBIDDEN']);
  });

  it('the last owner cannot leave while others remain, until another member is made owner', async () => {
    const ada = await newChatter(app);
    const bob = await newChatter(app);
    const room = await ada.createRoom();
    await bob.join(room.id);
    const refused = await ada.call(LEAVE, { roomId: room.id });
    expect(errorCodes(refused)).toEqual(['CONFLICT']);
    expect(refused.errors![0]!.message).toMatch(/setRoomMemberRole/);
    expect(await ada.room(room.id)).toMatchObject({ memberCount: 2, viewerRole: 'OWNER' });

    expect(dataOf(await ada.call(SET_ROLE, { roomId: room.id, userId: bob.publicId, role: 'OWNER' }), 'setRoomMemberRole')).toEqual({
      user: { id: bob.publicId },
      role: 'OWNER',
    });
    expect(dataOf(await ada.call(LEAVE, { roomId: room.id }), 'leaveRoom')).toEqual({ roomId: room.id, roomDeleted: false });
    expect(await bob.room(room.id)).toMatchObject({ memberCount: 1, viewerRole: 'OWNER' });
  });

  it('two owners leaving at once: one leaves, the other is told they are now the last owner', async () => {
    const ada = await newChatter(app);
    const bob = await newChatter(app);
    const carol = await newChatter(app);
    const room = await ada.createRoom();
    await bob.join(room.id);
    await carol.join(room.id);
    await ada.call(SET_ROLE, { roomId: room.id, userId: bob.publicId, role: 'OWNER' });
    const outcomes = await Promise.all([ada, bob].map((owner) => owner.call(LEAVE, { roomId: room.id })));
    expect(outcomes.map((outcome) => errorCodes(outcome)).sort()).toEqual([[], ['CONFLICT']]);
    const stayed = outcomes[0]!.errors ? ada : bob;
    expect(await stayed.room(room.id)).toMatchObject({ memberCount: 2, viewerRole: 'OWNER' });
  });

  it('the last member leaving deletes the room and its history', async () => {
    const ada = await newChatter(app);
    const room = await ada.createRoom();
    await ada.send(room.id, 'echo');
    expect(dataOf(await ada.call(LEAVE, { roomId: room.id }), 'leaveRoom')).toEqual({ roomId: room.id, roomDeleted: true });
    expect(errorCodes(await ada.call(ROOM, { id: room.id }))).toEqual(['NOT_FOUND']);
  });
});

describe('members and roles', () => {
  it('owners remove members (and other owners); members cannot; removing yourself is leaveRoom', async () => {
    const ada = await newChatter(app);
    const bob = await newChatter(app);
    const carol = await newChatter(app);
    const room = await ada.createRoom();
    await bob.join(room.id);
    await carol.join(room.id);
    expect(errorCodes(await bob.call(REMOVE_MEMBER, { roomId: room.id, userId: carol.publicId }))).toEqual(['FORBIDDEN']);
    expect(dataOf(await ada.call(REMOVE_MEMBER, { roomId: room.id, userId: carol.publicId }), 'removeRoomMember')).toEqual({ id: room.id, memberCount: 2 });
    expect(errorCodes(await ada.call(REMOVE_MEMBER, { roomId: room.id, userId: carol.publicId }))).toEqual(['NOT_FOUND']);
    const self = await ada.call(REMOVE_MEMBER, { roomId: room.id, userId: ada.publicId });
    expect(self.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'userId' });
    await ada.call(SET_ROLE, { roomId: room.id, userId: bob.publicId, role: 'OWNER' });
    expect(dataOf(await bob.call(REMOVE_MEMBER, { roomId: room.id, userId: ada.publicId }), 'removeRoomMember')).toEqual({ id: room.id, memberCount: 1 });
  });

  it('a room keeps at least one owner: the last owner cannot step down', async () => {
    const ada = await newChatter(app);
    const bob = await newChatter(app);
    const room = await ada.createRoom();
    await bob.join(room.id);
    expect(errorCodes(await ada.call(SET_ROLE, { roomId: room.id, userId: ada.publicId, role: 'MEMBER' }))).toEqual(['CONFLICT']);
    expect(errorCodes(await bob.call(SET_ROLE, { roomId: room.id, userId: bob.publicId, role: 'OWNER' }))).toEqual(['FORBIDDEN']);
    await ada.call(SET_ROLE, { roomId: room.id, userId: bob.publicId, role: 'OWNER' });
    expect(dataOf(await ada.call(SET_ROLE, { roomId: room.id, userId: ada.publicId, role: 'MEMBER' }), 'setRoomMemberRole')).toMatchObject({ role: 'MEMBER' });
    const stranger = await newChatter(app);
    expect(errorCodes(await bob.call(SET_ROLE, { roomId: room.id, userId: stranger.publicId, role: 'OWNER' }))).toEqual(['NOT_FOUND']);
  });

  it('lists members in join order, one page at a time', async () => {
    const ada = await newChatter(app);
    const room = await ada.createRoom();
    const others = [];
    for (let i = 0; i < 4; i++) {
      app.clock.offsetMs = (i + 1) * 1000;
      const user = await newChatter(app);
      await user.join(room.id);
      others.push(user);
    }
    app.clock.offsetMs = 0;
    const ids: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 5; page++) {
      const members: any = dataOf<any>(await ada.call(MEMBERS, { id: room.id, first: 2, after }), 'room').members;
      ids.push(...members.edges.map((e: any) => e.node.user.id));
      if (!members.pageInfo.hasNextPage) break;
      after = members.pageInfo.endCursor;
    }
    expect(ids).toEqual([ada.publicId, ...others.map((o) => o.publicId)]);
  });
});

describe('room lists', () => {
  const LIST = `query($first: Int, $after: String, $filter: RoomFilter) {
    chatRooms(first: $first, after: $after, filter: $filter) { edges { cursor node { id name visibility viewerRole } } pageInfo { hasNextPage endCursor } }
  }`;
  const OWN = `query($id: ID!, $first: Int, $after: String) {
    _entities(representations: [{ __typename: "User", id: $id }]) { ... on User { chatRooms(first: $first, after: $after) { edges { node { id name } } pageInfo { hasNextPage endCursor } } } }
  }`;

  it('chatRooms: public rooms and your rooms, most recently active first, filtered and paged', async () => {
    const ada = await newChatter(app);
    const bob = await newChatter(app);
    const tag = `t${Date.now().toString(36)}`;
    const older = await ada.createRoom({ name: `${tag} alpha` });
    await ada.createRoom({ name: `${tag} secret`, visibility: 'PRIVATE' });
    await bob.createRoom({ name: `${tag} beta 100%` });
    await bob.createRoom({ name: `${tag} hidden`, visibility: 'PRIVATE' });
    await ada.send(older.id, 'activity moves the room up');
    const names = async (filter: Record<string, unknown>, caller = ada) =>
      dataOf<any>(await caller.call(LIST, { filter: { search: tag, ...filter } }), 'chatRooms').edges.map((e: any) => e.node.name);
    expect(await names({})).toEqual([`${tag} alpha`, `${tag} beta 100%`, `${tag} secret`]);
    expect(await names({ joined: true })).toEqual([`${tag} alpha`, `${tag} secret`]);
    expect(await names({ joined: false })).toEqual([`${tag} beta 100%`]);
    expect(await names({ visibility: 'PRIVATE' })).toEqual([`${tag} secret`]);
    expect(await names({ search: `${tag} BETA 100%` })).toEqual([`${tag} beta 100%`]);
    expect(await names({ search: `${tag}%` })).toEqual([]);
    expect(await names({}, bob)).toEqual([`${tag} alpha`, `${tag} hidden`, `${tag} beta 100%`]);

    const page1 = dataOf<any>(await ada.call(LIST, { first: 2, filter: { search: tag } }), 'chatRooms');
    const page2 = dataOf<any>(await ada.call(LIST, { first: 2, after: page1.pageInfo.endCursor, filter: { search: tag } }), 'chatRooms');
    expect([...page1.edges, ...page2.edges].map((e: any) => e.node.name)).toEqual([`${tag} alpha`, `${tag} beta 100%`, `${tag} secret`]);
    expect(page1.edges.map((e: any) => e.node.viewerRole)).toEqual(['OWNER', null]);
    expect(page2.pageInfo.hasNextPage).toBe(false);
  });

  it('User.chatRooms: your rooms, for yourself only', async () => {
    const ada = await newChatter(app);
    const bob = await newChatter(app);
    const first = await ada.createRoom({ name: 'first' });
    const theirs = await bob.createRoom({ name: 'theirs' });
    await ada.join(theirs.id);
    const second = await ada.createRoom({ name: 'second', visibility: 'PRIVATE' });
    const own = dataOf<any[]>(await ada.call(OWN, { id: ada.publicId }), '_entities')[0].chatRooms;
    expect(own.edges.map((e: any) => e.node.id)).toEqual([second.id, theirs.id, first.id]);
    const paged = dataOf<any[]>(await ada.call(OWN, { id: ada.publicId, first: 1, after: null }), '_entities')[0].chatRooms;
    expect(paged.pageInfo.hasNextPage).toBe(true);
    expect(errorCodes(await bob.call(OWN, { id: ada.publicId }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await app.call(OWN, { id: ada.publicId }))).toEqual(['UNAUTHENTICATED']);
  });
});

describe('bad room input writes nothing', () => {
  it.each([
    ['an empty name', { name: '   ' }, 'input.name'],
    ['an 81-character name', { name: 'x'.repeat(81) }, 'input.name'],
    ['a name with a line break', { name: 'two\nlines' }, 'input.name'],
    ['a 501-character description', { name: 'ok', description: 'd'.repeat(501) }, 'input.description'],
  ])('refuses %s with BAD_USER_INPUT naming the field', async (_case, input, field) => {
    const ada = await newChatter(app);
    const before = [await rowCount(rooms), await rowCount(members)];
    const result = await ada.call(CREATE_ROOM, { input });
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors![0]!.extensions!.field).toBe(field);
    expect([await rowCount(rooms), await rowCount(members)]).toEqual(before);
  });

  it('an unknown room is NOT_FOUND, an id of another type BAD_USER_INPUT', async () => {
    const ada = await newChatter(app);
    const unknown = encodeId('Room', '01a21844-0000-7000-8000-000000000000');
    const before = await rowCount(members);
    expect(errorCodes(await ada.call(ROOM, { id: unknown }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await ada.call(JOIN, { roomId: unknown }))).toEqual(['NOT_FOUND']);
    const wrongType = await ada.call(JOIN, { roomId: ada.publicId });
    expect(wrongType.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'roomId' });
    expect(errorCodes(await ada.call(ROOM, { id: 'garbage' }))).toEqual(['BAD_USER_INPUT']);
    expect(await rowCount(members)).toBe(before);
  });
});
