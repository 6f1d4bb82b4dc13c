import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeId } from '@mosaic/kit';
import { INVITE, LEAVE, REMOVE_MEMBER, SET_ROLE, dataOf, newChatter, startChat, type ChatApp } from './harness';

const OPEN_DM = `mutation($userIds: [ID!]!) { openDirectConversation(userIds: $userIds) { id name isDirect visibility memberCount viewerRole members { edges { node { user { id } role } } } } }`;
const LIST_DIRECT = `query($direct: Boolean) { chatRooms(filter: { direct: $direct, joined: true }) { edges { node { id isDirect } } } }`;

let app: ChatApp;
beforeAll(async () => {
  app = await startChat();
});
afterAll(() => app.close());

const codes = (result: { errors?: readonly { extensions?: Record<string, unknown> }[] }) => result.errors?.map((e) => e.extensions?.code);

describe('direct conversations', () => {
  it('are found again for the same people in any order, yourself and repeats ignored, and differ for another set', async () => {
    const ada = await newChatter(app);
    const bob = await newChatter(app);
    const cy = await newChatter(app);
    const pair = dataOf<any>(await ada.call(OPEN_DM, { userIds: [bob.publicId] }), 'openDirectConversation');
    expect(pair).toMatchObject({ name: '', isDirect: true, visibility: 'PRIVATE', memberCount: 2, viewerRole: 'MEMBER' });
    expect(pair.members.edges.map((e: any) => e.node.role)).toEqual(['MEMBER', 'MEMBER']);
    expect(dataOf<any>(await bob.call(OPEN_DM, { userIds: [ada.publicId, bob.publicId, ada.publicId] }), 'openDirectConversation').id).toBe(pair.id);

    const group = dataOf<any>(await cy.call(OPEN_DM, { userIds: [bob.publicId, ada.publicId] }), 'openDirectConversation');
    expect(group.id).not.toBe(pair.id);
    expect(group.memberCount).toBe(3);
    expect(dataOf<any>(await ada.call(OPEN_DM, { userIds: [cy.publicId, bob.publicId] }), 'openDirectConversation').id).toBe(group.id);

    const listed = dataOf<any>(await ada.call(LIST_DIRECT, { direct: true }), 'chatRooms').edges.map((e: any) => e.node.id);
    expect(listed.sort()).toEqual([pair.id, group.id].sort());
    await ada.createRoom({ name: 'Not direct' });
    expect(dataOf<any>(await ada.call(LIST_DIRECT, { direct: false }), 'chatRooms').edges.every((e: any) => !e.node.isDirect)).toBe(true);
  });

  it('is created once when both people open it at the same moment', async () => {
    const ada = await newChatter(app);
    const bob = await newChatter(app);
    const opened = await Promise.all(
      Array.from({ length: 6 }, (_, i) => (i % 2 ? ada : bob).call(OPEN_DM, { userIds: [i % 2 ? bob.publicId : ada.publicId] })),
    );
    const ids = new Set(opened.map((result) => dataOf<any>(result, 'openDirectConversation').id));
    expect(ids.size).toBe(1);
    expect(dataOf<any>(await ada.call(LIST_DIRECT, { direct: true }), 'chatRooms').edges).toHaveLength(1);
  });

  it('is readable by its members only, and its members are fixed', async () => {
    const ada = await newChatter(app);
    const bob = await newChatter(app);
    const mallory = await newChatter(app);
    const dm = dataOf<any>(await ada.call(OPEN_DM, { userIds: [bob.publicId] }), 'openDirectConversation');
    await bob.send(dm.id, 'just between us');
    expect((await ada.history(dm.id)).edges.map((e) => e.node.text)).toEqual(['just between us']);
    expect(codes(await mallory.call(`query($id: ID!) { room(id: $id) { id } }`, { id: dm.id }))).toEqual(['FORBIDDEN']);
    expect(codes(await mallory.call(`mutation($id: ID!) { joinRoom(roomId: $id) { id } }`, { id: dm.id }))).toEqual(['FORBIDDEN']);
    expect(codes(await ada.call(INVITE, { roomId: dm.id, userId: mallory.publicId }))).toEqual(['CONFLICT']);
    expect(codes(await ada.call(LEAVE, { roomId: dm.id }))).toEqual(['CONFLICT']);
    expect(codes(await ada.call(REMOVE_MEMBER, { roomId: dm.id, userId: bob.publicId }))).toEqual(['CONFLICT']);
    expect(codes(await ada.call(SET_ROLE, { roomId: dm.id, userId: bob.publicId, role: 'OWNER' }))).toEqual(['CONFLICT']);
    const rename = await ada.call(`mutation($id: ID!) { updateRoom(id: $id, input: { name: "x" }) { id } }`, { id: dm.id });
    expect(rename.errors![0]).toMatchObject({ message: expect.stringContaining('direct conversation'), extensions: { code: 'CONFLICT' } });
    expect((await ada.room(dm.id)).memberCount).toBe(2);
  });

  it('refuses bad input with the argument named, creating nothing', async () => {
    const ada = await newChatter(app);
    const many = await Promise.all(Array.from({ length: 8 }, () => app.auth.newUser(['user'])));
    const cases: [unknown[], string][] = [
      [[], 'userIds'],
      [[ada.publicId], 'userIds'],
      [many.map((user) => user.publicId), 'userIds'],
      [[encodeId('Room', '01a21844-0000-7000-8000-000000000000')], 'userIds.0'],
      [['nonsense'], 'userIds.0'],
    ];
    for (const [userIds, field] of cases) {
      const result = await ada.call(OPEN_DM, { userIds });
      expect(result.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect(dataOf<any>(await ada.call(LIST_DIRECT, { direct: true }), 'chatRooms').edges).toHaveLength(0);
  });
});
