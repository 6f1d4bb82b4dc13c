import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StatementCounter } from '@mosaic/testing';
import { DELETE, MARK_READ, SEND, dataOf, newChatter, startChat, type ChatApp, type Chatter } from './harness';

const counter = new StatementCounter();
let app: ChatApp;
beforeAll(async () => {
  app = await startChat({ onQuery: counter.observe });
});
afterAll(() => app.close());

const THREAD_FIELDS = 'replyCount lastReplyAt viewerFollows unreadCount root { id text } replies(first: $first) { edges { node { id text threadRoot { id } author { id } } } pageInfo { hasNextPage endCursor } }';
const THREADS = `query($id: ID!, $first: Int, $followed: Boolean, $after: String) {
  room(id: $id) { unreadCount threads(first: $first, followed: $followed, after: $after) { edges { node { ${THREAD_FIELDS} } } pageInfo { hasNextPage endCursor } } }
}`;
const MESSAGE_THREAD = `query($id: ID!, $first: Int) { room(id: $id) { messages { edges { node { id text thread { ${THREAD_FIELDS} } } } } } }`;
const FOLLOW = `mutation($id: ID!) { followThread(messageId: $id) { id thread { viewerFollows unreadCount } } }`;
const UNFOLLOW = `mutation($id: ID!) { unfollowThread(messageId: $id) { id thread { viewerFollows unreadCount } } }`;
const MARK_THREAD = `mutation($id: ID!, $upTo: ID) { markThreadRead(messageId: $id, upToMessageId: $upTo) { id thread { unreadCount } } }`;

async function reply(sender: Chatter, roomId: string, rootId: string, text: string) {
  return dataOf<{ id: string }>(await sender.call(SEND, { input: { roomId, text, threadRootId: rootId } }), 'sendMessage');
}
async function threadsOf(viewer: Chatter, roomId: string, variables: Record<string, unknown> = {}) {
  return dataOf<any>(await viewer.call(THREADS, { id: roomId, first: 20, ...variables }), 'room');
}
const codes = (result: { errors?: readonly { extensions?: Record<string, unknown> }[] }) => result.errors?.map((e) => [e.extensions?.code, e.extensions?.field]);

describe('threads', () => {
  it('keeps replies out of the main timeline and its unread count, and lists them by their thread', async () => {
    const ada = await newChatter(app);
    const bob = await newChatter(app);
    const room = await ada.createRoom();
    await bob.join(room.id);
    const root = await ada.send(room.id, 'Release on Friday?');
    const first = await reply(bob, room.id, root.id, 'Fine by me');
    await reply(ada, room.id, root.id, 'Great');
    await ada.send(room.id, 'Unrelated');

    expect((await bob.history(room.id)).edges.map((e) => e.node.text)).toEqual(['Unrelated', 'Release on Friday?']);
    const timeline = dataOf<any>(await bob.call(MESSAGE_THREAD, { id: room.id, first: 10 }), 'room').messages.edges.map((e: any) => e.node);
    expect(timeline[0].thread).toBeNull();
    expect(timeline[1].thread).toMatchObject({ replyCount: 2, root: { id: root.id }, viewerFollows: true, unreadCount: 1 });
    expect(timeline[1].thread.replies.edges.map((e: any) => [e.node.text, e.node.threadRoot.id])).toEqual([
      ['Fine by me', root.id],
      ['Great', root.id],
    ]);
    // Bob's room unread count: the two timeline messages only (he joined before), not Ada's reply.
    const listed = await threadsOf(bob, room.id);
    expect(listed.unreadCount).toBe(2);
    expect(listed.threads.edges).toHaveLength(1);
    expect(first.id).toBeTruthy();
  });

  it('is followed by the root’s author and repliers, unread per follower, and follow/unfollow/mark read work', async () => {
    const ada = await newChatter(app);
    const bob = await newChatter(app);
    const cy = await newChatter(app);
    const room = await ada.createRoom();
    await bob.join(room.id);
    await cy.join(room.id);
    const root = await ada.send(room.id, 'Who brings cake?');
    const fromBob = await reply(bob, room.id, root.id, 'Me');
    await reply(bob, room.id, root.id, 'Chocolate');

    expect((await threadsOf(ada, room.id)).threads.edges[0].node).toMatchObject({ viewerFollows: true, unreadCount: 2 });
    expect((await threadsOf(bob, room.id)).threads.edges[0].node).toMatchObject({ viewerFollows: true, unreadCount: 0 });
    expect((await threadsOf(cy, room.id)).threads.edges[0].node).toMatchObject({ viewerFollows: false, unreadCount: 0 });
    expect((await threadsOf(cy, room.id, { followed: true })).threads.edges).toHaveLength(0);

    // Following: what was replied so far counts as read; later replies are unread.
    expect(dataOf<any>(await cy.call(FOLLOW, { id: root.id }), 'followThread').thread).toEqual({ viewerFollows: true, unreadCount: 0 });
    await reply(ada, room.id, root.id, 'Thanks!');
    expect((await threadsOf(cy, room.id, { followed: true })).threads.edges[0].node).toMatchObject({ unreadCount: 1, replyCount: 3 });
    expect(dataOf<any>(await cy.call(UNFOLLOW, { id: root.id }), 'unfollowThread').thread).toEqual({ viewerFollows: false, unreadCount: 0 });
    expect(dataOf<any>(await cy.call(UNFOLLOW, { id: root.id }), 'unfollowThread').thread.viewerFollows).toBe(false);

    // Replying marked Ada's own thread read; marking read: up to a reply, then everything; never backwards.
    expect((await threadsOf(ada, room.id)).threads.edges[0].node.unreadCount).toBe(0);
    const next = await reply(bob, room.id, root.id, 'Candles too?');
    await reply(bob, room.id, root.id, 'And plates');
    expect((await threadsOf(ada, room.id)).threads.edges[0].node.unreadCount).toBe(2);
    expect(dataOf<any>(await ada.call(MARK_THREAD, { id: root.id, upTo: next.id }), 'markThreadRead').thread.unreadCount).toBe(1);
    expect(dataOf<any>(await ada.call(MARK_THREAD, { id: root.id }), 'markThreadRead').thread.unreadCount).toBe(0);
    expect(dataOf<any>(await ada.call(MARK_THREAD, { id: root.id, upTo: fromBob.id }), 'markThreadRead').thread.unreadCount).toBe(0);
    // A deleted reply is not unread.
    const late = await reply(bob, room.id, root.id, 'oops');
    expect((await threadsOf(ada, room.id)).threads.edges[0].node.unreadCount).toBe(1);
    await bob.call(DELETE, { id: late.id });
    expect((await threadsOf(ada, room.id)).threads.edges[0].node.unreadCount).toBe(0);
    // Room markers are not thread markers.
    await ada.call(MARK_READ, { roomId: room.id });
  });

  it('lists threads most recently replied to first, page by page', async () => {
    const ada = await newChatter(app);
    const room = await ada.createRoom();
    const roots = [];
    for (let i = 0; i < 3; i++) roots.push(await ada.send(room.id, `topic ${i}`));
    for (const root of [roots[1]!, roots[0]!, roots[2]!, roots[0]!]) await reply(ada, room.id, root.id, 'reply');
    const page1 = (await threadsOf(ada, room.id, { first: 2 })).threads;
    expect(page1.edges.map((e: any) => e.node.root.text)).toEqual(['topic 0', 'topic 2']);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = (await threadsOf(ada, room.id, { first: 2, after: page1.pageInfo.endCursor })).threads;
    expect(page2.edges.map((e: any) => e.node.root.text)).toEqual(['topic 1']);
    expect(page2.pageInfo.hasNextPage).toBe(false);
  });

  it('refuses bad input, naming the field, and writes nothing', async () => {
    const ada = await newChatter(app);
    const bob = await newChatter(app);
    const room = await ada.createRoom();
    const other = await ada.createRoom({ name: 'Other' });
    const root = await ada.send(room.id, 'root');
    const inThread = await reply(ada, room.id, root.id, 'reply');
    const elsewhere = await ada.send(other.id, 'elsewhere');
    expect(codes(await ada.call(SEND, { input: { roomId: room.id, text: 'x', threadRootId: inThread.id } }))).toEqual([['BAD_USER_INPUT', 'input.threadRootId']]);
    expect(codes(await ada.call(SEND, { input: { roomId: room.id, text: 'x', threadRootId: elsewhere.id } }))).toEqual([['BAD_USER_INPUT', 'input.threadRootId']]);
    expect(codes(await ada.call(SEND, { input: { roomId: room.id, text: 'x', threadRootId: room.id } }))).toEqual([['BAD_USER_INPUT', 'input.threadRootId']]);
    expect(codes(await ada.call(FOLLOW, { id: inThread.id }))).toEqual([['BAD_USER_INPUT', 'messageId']]);
    expect(codes(await ada.call(MARK_THREAD, { id: root.id, upTo: elsewhere.id }))).toEqual([['BAD_USER_INPUT', 'upToMessageId']]);
    expect(codes(await bob.call(FOLLOW, { id: root.id }))).toEqual([['FORBIDDEN', undefined]]);
    expect(codes(await ada.call(THREADS, { id: room.id, after: 'bogus' }))).toEqual([['BAD_USER_INPUT', 'after']]);
    expect((await threadsOf(ada, room.id)).threads.edges[0].node.replyCount).toBe(1);
  });

  it('costs the same number of statements for 2 threads as for 10, with roots, replies and per-viewer counts', async () => {
    const ada = await newChatter(app);
    const bob = await newChatter(app);
    const room = await ada.createRoom();
    await bob.join(room.id);
    for (let i = 0; i < 10; i++) {
      const root = await ada.send(room.id, `topic ${i}`);
      await reply(bob, room.id, root.id, `answer ${i}`);
      await reply(ada, room.id, root.id, `thanks ${i}`);
    }
    const statementsFor = async (first: number) => {
      counter.reset();
      const result = await ada.call(THREADS, { id: room.id, first });
      expect(result.errors).toBeUndefined();
      expect((result.data as any).room.threads.edges).toHaveLength(first);
      return counter.count;
    };
    const two = await statementsFor(2);
    const ten = await statementsFor(10);
    expect(ten).toBe(two);
    // room + membership + unread, thread page, roots, reply pages, follows, thread unread counts
    expect(ten).toBeLessThanOrEqual(8);
  });
});
