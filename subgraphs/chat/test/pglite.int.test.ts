import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations, createMemoryPubSub, drizzleOver, openSqlClient, type SqlClient } from '@mosaic/kit';
import { collect, createTestAuth, errorCodes, graphql, serveModuleForTest, testLogger, wsClient, type ServedSubgraph, type TestAuth } from '@mosaic/testing';
import chat from '../src/index';
import { CREATE_ROOM, DELETE, EDIT, HISTORY, INVITE, JOIN, LEAVE, MARK_READ, MESSAGE_EVENTS, REACT, ROOM, SEND, SET_ROLE, countingListeners, topicOf } from './harness';

/**
 * All-in-one mode stores data in PGlite (PostgreSQL compiled to WASM): the same migrations and
 * every kind of SQL the subgraph issues (row locks, lateral pages, keysets, greatest(), ILIKE)
 * must work there too.
 */
let client: SqlClient;
let served: ServedSubgraph;
let auth: TestAuth;
const pubsub = countingListeners(createMemoryPubSub());
beforeAll(async () => {
  client = await openSqlClient({ kind: 'pglite', dataDir: 'memory://' });
  await applyMigrations(client, chat.migrations);
  auth = await createTestAuth();
  served = await serveModuleForTest(chat, { db: drizzleOver(client), client, verifier: auth.verifier, log: testLogger, pubsub });
}, 60_000);
afterAll(async () => {
  await served.close();
  await client.close();
});

describe('on PGlite', () => {
  it('runs rooms, membership, messages, reactions, history, unread counts, lists and live events', async () => {
    const ada = await auth.newUser();
    const bob = await auth.newUser();
    const as = (user: { token: string }) => (query: string, variables: Record<string, unknown> = {}) => graphql(served.url, query, variables, { token: user.token });
    const asAda = as(ada);
    const asBob = as(bob);
    const ok = async (result: Promise<{ data?: Record<string, any> | null; errors?: unknown }>) => {
      const { data, errors } = await result;
      expect(errors).toBeUndefined();
      return data!;
    };

    const room = (await ok(asAda(CREATE_ROOM, { input: { name: 'Garden', visibility: 'PRIVATE' } }))).createRoom;
    expect(errorCodes(await asBob(JOIN, { roomId: room.id }))).toEqual(['FORBIDDEN']);
    await ok(asAda(INVITE, { roomId: room.id, userId: bob.publicId }));
    await ok(asBob(JOIN, { roomId: room.id }));

    const ws = wsClient(served.url.replace('http', 'ws'), bob.token);
    const stream = collect(ws, MESSAGE_EVENTS, { roomId: room.id });
    await expect.poll(() => pubsub.listeners.get(topicOf(room.id, 'messages')), { timeout: 5_000 }).toBe(1);

    const ids: string[] = [];
    for (let i = 1; i <= 5; i++) ids.push((await ok(asAda(SEND, { input: { roomId: room.id, text: `m${i}`, replyToId: ids[0] } }))).sendMessage.id);
    await ok(asAda(EDIT, { id: ids[1], text: 'edited' }));
    await ok(asBob(REACT, { id: ids[2], emoji: '🌱' }));
    await ok(asAda(DELETE, { id: ids[3] }));
    expect((await stream.waitFor(8)).map((r) => r.data!.messageEvents.__typename)).toEqual([
      ...Array(5).fill('MessageAdded'),
      'MessageEdited',
      'MessageReactionsChanged',
      'MessageDeleted',
    ]);

    const page1 = (await ok(asBob(HISTORY, { id: room.id, first: 2 }))).room.messages;
    const page2 = (await ok(asBob(HISTORY, { id: room.id, first: 2, after: page1.pageInfo.endCursor }))).room.messages;
    expect([...page1.edges, ...page2.edges].map((e: any) => e.node.text)).toEqual(['m5', '', 'm3', 'edited']);
    expect(page2.edges[0].node.reactions).toEqual([{ emoji: '🌱', count: 1, reactedByViewer: true }]);

    expect((await ok(asBob(ROOM, { id: room.id }))).room.unreadCount).toBe(4);
    expect((await ok(asBob(MARK_READ, { roomId: room.id, upTo: ids[2] }))).markRoomRead.unreadCount).toBe(1);
    expect((await ok(asBob(MARK_READ, { roomId: room.id, upTo: ids[0] }))).markRoomRead.unreadCount).toBe(1);

    const list = await ok(asBob(`{ chatRooms(filter: { search: "GARD", joined: true }) { edges { node { name memberCount viewerRole } } } }`));
    expect(list.chatRooms.edges).toEqual([{ node: { name: 'Garden', memberCount: 2, viewerRole: 'MEMBER' } }]);
    expect(errorCodes(await asAda(LEAVE, { roomId: room.id }))).toEqual(['CONFLICT']);
    await ok(asAda(SET_ROLE, { roomId: room.id, userId: bob.publicId, role: 'OWNER' }));
    expect((await ok(asAda(LEAVE, { roomId: room.id }))).leaveRoom.roomDeleted).toBe(false);
    expect((await ok(asBob(LEAVE, { roomId: room.id }))).leaveRoom.roomDeleted).toBe(true);

    stream.stop();
    await ws.dispose();
  });
});
