import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { decodeId, encodeId } from '@mosaic/kit';
import { errorCodes } from '@mosaic/testing';
import { messages, reactions } from '../src/data/tables';
import { DELETE, EDIT, REACT, SEND, UNREACT, dataOf, newChatter, startChat, type ChatApp, type MessageView } from './harness';

let app: ChatApp;
beforeAll(async () => {
  app = await startChat();
});
afterAll(() => app.close());

const messageCount = async () => (await app.database.db().select({ n: count() }).from(messages))[0]!.n;
const storedMessage = async (publicId: string) => {
  const [row] = await app.database.db().select().from(messages).where(eq(messages.id, decodeId('Message', publicId)));
  return row;
};

/** A room owned by ada that bob has joined. */
async function roomWithTwo() {
  const ada = await newChatter(app);
  const bob = await newChatter(app);
  const room = await ada.createRoom();
  await bob.join(room.id);
  return { ada, bob, room };
}

describe('sendMessage', () => {
  it('posts trimmed text as the author, with opaque ids and UTC times, and moves the room’s activity', async () => {
    const { ada, room } = await roomWithTwo();
    const message = await ada.send(room.id, '  Hello,\n  world!  ');
    expect(message).toMatchObject({ text: 'Hello,\n  world!', editedAt: null, deletedAt: null, replyTo: null, reactions: [] });
    expect(message.author).toEqual({ id: ada.publicId });
    expect(message.room).toEqual({ id: room.id });
    expect(Buffer.from(message.id, 'base64url').toString()).toMatch(/^Message:[0-9a-f-]{36}$/);
    expect((await ada.room(room.id)).lastActivityAt).toBe(message.createdAt);
  });

  it('accepts a reply to a message of the same room, even one deleted since', async () => {
    const { ada, bob, room } = await roomWithTwo();
    const question = await ada.send(room.id, 'Lunch?');
    const answer = await bob.send(room.id, 'Yes!', question.id);
    expect(answer.replyTo).toEqual({ id: question.id, text: 'Lunch?', deletedAt: null });
    await ada.call(DELETE, { id: question.id });
    const late = await bob.send(room.id, 'Still yes', question.id);
    expect(late.replyTo).toMatchObject({ id: question.id, text: '', deletedAt: expect.any(String) });
  });

  it('refuses a reply to a message of another room, and writes nothing', async () => {
    const { ada, room } = await roomWithTwo();
    const elsewhere = await ada.createRoom({ name: 'Elsewhere' });
    const other = await ada.send(elsewhere.id, 'over here');
    const before = await messageCount();
    const result = await ada.call(SEND, { input: { roomId: room.id, text: 'hi', replyToId: other.id } });
    expect(result.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.replyToId' });
    expect(await messageCount()).toBe(before);
  });

  it.each([
    ['empty text', '', 'input.text'],
    ['whitespace only', ' \n\t  ', 'input.text'],
    ['4001 characters', 'x'.repeat(4001), 'input.text'],
    ['a NUL character', 'nul \u0000', 'input.text'],
  ])('refuses %s with BAD_USER_INPUT naming the field, and writes nothing', async (_case, text, field) => {
    const { ada, room } = await roomWithTwo();
    const before = await messageCount();
    const result = await ada.call(SEND, { input: { roomId: room.id, text } });
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors![0]!.extensions!.field).toBe(field);
    expect(result.errors![0]!.message).toMatch(/^input\.text: /);
    expect(await messageCount()).toBe(before);
  });

  it('accepts exactly 4000 characters once trimmed', async () => {
    const { ada, room } = await roomWithTwo();
    expect((await ada.send(room.id, `  ${'😀'.repeat(4000)}  `)).text).toBe('😀'.repeat(4000));
  });

  it('needs membership: a public room is joined first, a private room is for members only; unknown rooms are NOT_FOUND', async () => {
    const { ada, room } = await roomWithTwo();
    const carol = await newChatter(app);
    const before = await messageCount();
    const notJoined = await carol.call(SEND, { input: { roomId: room.id, text: 'hi' } });
    expect(errorCodes(notJoined)).toEqual(['FORBIDDEN']);
    expect(notJoined.errors![0]!.message).toMatch(/joinRoom/);
    const secret = await ada.createRoom({ visibility: 'PRIVATE' });
    expect(errorCodes(await carol.call(SEND, { input: { roomId: secret.id, text: 'hi' } }))).toEqual(['FORBIDDEN']);
    const unknown = encodeId('Room', '01a21844-0000-7000-8000-000000000000');
    expect(errorCodes(await ada.call(SEND, { input: { roomId: unknown, text: 'hi' } }))).toEqual(['NOT_FOUND']);
    const wrongType = await ada.call(SEND, { input: { roomId: ada.publicId, text: 'hi' } });
    expect(wrongType.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.roomId' });
    expect(await messageCount()).toBe(before);
  });
});

describe('editMessage', () => {
  it('changes the author’s own text and sets editedAt; the same text changes nothing', async () => {
    const { ada, room } = await roomWithTwo();
    const message = await ada.send(room.id, 'teh typo');
    app.clock.offsetMs = 5_000;
    const edited = dataOf<MessageView>(await ada.call(EDIT, { id: message.id, text: ' the typo ' }), 'editMessage');
    app.clock.offsetMs = 0;
    expect(edited).toMatchObject({ id: message.id, text: 'the typo', createdAt: message.createdAt });
    expect(Date.parse(edited.editedAt!)).toBeGreaterThan(Date.parse(message.createdAt));
    const again = dataOf<MessageView>(await ada.call(EDIT, { id: message.id, text: 'the typo' }), 'editMessage');
    expect(again.editedAt).toBe(edited.editedAt);
  });

  it('refuses someone else’s message, bad text and deleted messages, leaving the message as it was', async () => {
    const { ada, bob, room } = await roomWithTwo();
    const message = await ada.send(room.id, 'original');
    const before = await storedMessage(message.id);
    expect(errorCodes(await bob.call(EDIT, { id: message.id, text: 'hijacked' }))).toEqual(['FORBIDDEN']);
    const blank = await ada.call(EDIT, { id: message.id, text: '   ' });
    expect(blank.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'text' });
    expect(await storedMessage(message.id)).toEqual(before);
    await ada.call(DELETE, { id: message.id });
    expect(errorCodes(await ada.call(EDIT, { id: message.id, text: 'resurrect' }))).toEqual(['CONFLICT']);
  });

  it('a message of a private room one may not read is NOT_FOUND, like a missing one', async () => {
    const ada = await newChatter(app);
    const mallory = await newChatter(app);
    const secret = await ada.createRoom({ visibility: 'PRIVATE' });
    const message = await ada.send(secret.id, 'classified');
    expect(errorCodes(await mallory.call(EDIT, { id: message.id, text: 'x' }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await mallory.call(DELETE, { id: message.id }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await mallory.call(REACT, { id: message.id, emoji: '👍' }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await ada.call(EDIT, { id: encodeId('Message', '01a21844-0000-7000-8000-000000000000'), text: 'x' }))).toEqual(['NOT_FOUND']);
  });
});

describe('deleteMessage', () => {
  it('the author soft-deletes: text and reactions go, the message stays in the history', async () => {
    const { ada, bob, room } = await roomWithTwo();
    const message = await ada.send(room.id, 'oops');
    await bob.call(REACT, { id: message.id, emoji: '😬' });
    const deleted = dataOf<MessageView>(await ada.call(DELETE, { id: message.id }), 'deleteMessage');
    expect(deleted).toMatchObject({ id: message.id, text: '', reactions: [], deletedAt: expect.any(String) });
    expect((await bob.history(room.id)).edges.map((e) => e.node)).toEqual([deleted]);
    expect(await app.database.db().select().from(reactions).where(eq(reactions.messageId, decodeId('Message', message.id)))).toEqual([]);
    const again = dataOf<MessageView>(await ada.call(DELETE, { id: message.id }), 'deleteMessage');
    expect(again.deletedAt).toBe(deleted.deletedAt);
  });

  it('owners delete anyone’s message; other members cannot', async () => {
    const { ada, bob, room } = await roomWithTwo();
    const carol = await newChatter(app);
    await carol.join(room.id);
    const fromBob = await bob.send(room.id, 'spam');
    expect(errorCodes(await carol.call(DELETE, { id: fromBob.id }))).toEqual(['FORBIDDEN']);
    expect((await storedMessage(fromBob.id))!.deletedAt).toBeNull();
    expect(dataOf<MessageView>(await ada.call(DELETE, { id: fromBob.id }), 'deleteMessage').deletedAt).not.toBeNull();
  });
});

describe('reactions', () => {
  it('one per user and emoji: counted per emoji in first-use order, with reactedByViewer per viewer', async () => {
    const { ada, bob, room } = await roomWithTwo();
    const message = await ada.send(room.id, 'Ship it?');
    await ada.call(REACT, { id: message.id, emoji: '👍' });
    await ada.call(REACT, { id: message.id, emoji: '👍' });
    await bob.call(REACT, { id: message.id, emoji: '🎉' });
    const bobsView = dataOf<MessageView>(await bob.call(REACT, { id: message.id, emoji: '👍' }), 'addMessageReaction');
    expect(bobsView.reactions).toEqual([
      { emoji: '👍', count: 2, reactedByViewer: true },
      { emoji: '🎉', count: 1, reactedByViewer: true },
    ]);
    const adasView = (await ada.history(room.id)).edges[0]!.node;
    expect(adasView.reactions).toEqual([
      { emoji: '👍', count: 2, reactedByViewer: true },
      { emoji: '🎉', count: 1, reactedByViewer: false },
    ]);
    // The order follows the reactions still there: bob's 👍 came after his 🎉.
    expect(dataOf<MessageView>(await ada.call(UNREACT, { id: message.id, emoji: '👍' }), 'removeMessageReaction').reactions).toEqual([
      { emoji: '🎉', count: 1, reactedByViewer: false },
      { emoji: '👍', count: 1, reactedByViewer: false },
    ]);
    // Removing a reaction one has not made changes nothing.
    expect(errorCodes(await ada.call(UNREACT, { id: message.id, emoji: '🎉' }))).toEqual([]);
  });

  it('refuses what is not a single emoji, non-members and deleted messages, writing nothing', async () => {
    const { ada, room } = await roomWithTwo();
    const message = await ada.send(room.id, 'hi');
    const reactionCount = async () => (await app.database.db().select({ n: count() }).from(reactions))[0]!.n;
    const before = await reactionCount();
    for (const emoji of ['', 'ok', '👍👍', ':+1:']) {
      const result = await ada.call(REACT, { id: message.id, emoji });
      expect(result.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'emoji' });
    }
    const stranger = await newChatter(app);
    expect(errorCodes(await stranger.call(REACT, { id: message.id, emoji: '👍' }))).toEqual(['FORBIDDEN']);
    await ada.call(DELETE, { id: message.id });
    expect(errorCodes(await ada.call(REACT, { id: message.id, emoji: '👍' }))).toEqual(['CONFLICT']);
    expect(await reactionCount()).toBe(before);
  });
});

describe('Message entities', () => {
  const ENTITY = `query($id: ID!) { _entities(representations: [{ __typename: "Message", id: $id }]) { ... on Message { id text } } }`;

  it('resolve for readers of the room only; others get null', async () => {
    const ada = await newChatter(app);
    const mallory = await newChatter(app);
    const secret = await ada.createRoom({ visibility: 'PRIVATE' });
    const message = await ada.send(secret.id, 'classified');
    expect(dataOf(await ada.call(ENTITY, { id: message.id }), '_entities')).toEqual([{ id: message.id, text: 'classified' }]);
    expect(dataOf(await mallory.call(ENTITY, { id: message.id }), '_entities')).toEqual([null]);
    expect(errorCodes(await app.call(ENTITY, { id: message.id }))).toEqual(['UNAUTHENTICATED']);
  });
});
