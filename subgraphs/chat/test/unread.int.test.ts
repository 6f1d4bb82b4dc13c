import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes } from '@mosaic/testing';
import { DELETE, MARK_READ, dataOf, newChatter, startChat, type ChatApp } from './harness';

let app: ChatApp;
beforeAll(async () => {
  app = await startChat();
});
afterAll(() => app.close());

const unread = async (reader: Awaited<ReturnType<typeof newChatter>>, roomId: string) => (await reader.room(roomId)).unreadCount;

describe('unread counts and read markers', () => {
  it('counts others’ messages after the marker: history before joining, own and deleted messages do not count', async () => {
    const ada = await newChatter(app);
    const bob = await newChatter(app);
    const room = await ada.createRoom();
    await ada.send(room.id, 'before bob joined');
    expect((await bob.join(room.id)).unreadCount).toBe(0);
    const m1 = await ada.send(room.id, 'one');
    await ada.send(room.id, 'two');
    const m3 = await ada.send(room.id, 'three');
    await bob.send(room.id, 'my own');
    expect(await unread(bob, room.id)).toBe(3);
    await ada.call(DELETE, { id: m3.id });
    expect(await unread(bob, room.id)).toBe(2);
    expect(dataOf(await bob.call(MARK_READ, { roomId: room.id, upTo: m1.id }), 'markRoomRead')).toEqual({ id: room.id, unreadCount: 1 });
    expect(dataOf(await bob.call(MARK_READ, { roomId: room.id }), 'markRoomRead')).toEqual({ id: room.id, unreadCount: 0 });
    await ada.send(room.id, 'four');
    expect(await unread(bob, room.id)).toBe(1);
    // The creator never read anything: only bob's message counts for them.
    expect(await unread(ada, room.id)).toBe(1);
  });

  it('the marker only moves forward', async () => {
    const ada = await newChatter(app);
    const bob = await newChatter(app);
    const room = await ada.createRoom();
    await bob.join(room.id);
    const m1 = await ada.send(room.id, 'one');
    const m2 = await ada.send(room.id, 'two');
    await bob.call(MARK_READ, { roomId: room.id, upTo: m2.id });
    expect(dataOf(await bob.call(MARK_READ, { roomId: room.id, upTo: m1.id }), 'markRoomRead')).toEqual({ id: room.id, unreadCount: 0 });
  });

  it('is 0 for non-members; marking read needs membership and a message of the room', async () => {
    const ada = await newChatter(app);
    const carol = await newChatter(app);
    const room = await ada.createRoom();
    const other = await ada.createRoom();
    await ada.send(room.id, 'hello');
    const elsewhere = await ada.send(other.id, 'elsewhere');
    expect(await unread(carol, room.id)).toBe(0);
    expect(errorCodes(await carol.call(MARK_READ, { roomId: room.id }))).toEqual(['FORBIDDEN']);
    const wrongRoom = await ada.call(MARK_READ, { roomId: room.id, upTo: elsewhere.id });
    expect(wrongRoom.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'upToMessageId' });
    const wrongType = await ada.call(MARK_READ, { roomId: room.id, upTo: room.id });
    expect(wrongType.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'upToMessageId' });
    expect(await unread(ada, room.id)).toBe(0);
  });

  it('an empty room can be marked read', async () => {
    const ada = await newChatter(app);
    const room = await ada.createRoom();
    expect(dataOf(await ada.call(MARK_READ, { roomId: room.id }), 'markRoomRead')).toEqual({ id: room.id, unreadCount: 0 });
  });
});
