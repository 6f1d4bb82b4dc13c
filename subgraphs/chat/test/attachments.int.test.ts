import { randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeId, encodeId } from '@mosaic/kit';
import { AttachmentTickets, attachmentTicketSecret, fileOwnerHandlers } from '@mosaic/files/attachments';
import { StatementCounter, testLogger } from '@mosaic/testing';
import { fileOwners, messageAttachments } from '../src/data/attachment-tables';
import { messages } from '../src/data/tables';
import { MAX_MESSAGE_ATTACHMENTS } from '../src/domain/attachments';
import { dataOf, newChatter, startChat, type ChatApp, type Chatter } from './harness';

const counter = new StatementCounter();
let app: ChatApp;
let alice: Chatter;
let bob: Chatter;
let carol: Chatter;
const tickets = new AttachmentTickets(attachmentTicketSecret(undefined, undefined));

beforeAll(async () => {
  app = await startChat({ onQuery: counter.observe });
  [alice, bob, carol] = [await newChatter(app), await newChatter(app), await newChatter(app)];
});
afterAll(() => app.close());

/** Files' `file.uploaded` as chat's consumer handles it (the e2e test covers delivery from files). */
async function uploaded(ownerId: string, contentType = 'image/png'): Promise<string> {
  const fileId = randomUUID();
  const handlers = fileOwnerHandlers(fileOwners);
  await app.database.db().transaction((tx) =>
    handlers.uploaded(
      { id: randomUUID(), type: 'file.uploaded', version: 1, domain: 'files', aggregateId: fileId, tenantId: null, occurredAt: new Date().toISOString(), traceparent: null, payload: { fileId, ownerId, contentType, size: 10 } },
      { tx, log: testLogger },
    ),
  );
  return encodeId('File', fileId);
}

const SEND = `mutation($input: SendMessageInput!) { sendMessage(input: $input) { id attachments { __typename attachmentTicket } } }`;
const HISTORY = `query($id: ID!, $first: Int) { room(id: $id) { messages(first: $first) { edges { node { id attachments { attachmentTicket } } } } } }`;
const messageCount = async (roomId: string) => (await app.database.db().select({ n: count() }).from(messages).where(eq(messages.roomId, decodeId('Room', roomId))))[0]!.n;

describe('sending attachments', () => {
  it("attaches the author's own files, in order, as File references by a ticket bound to the reader", async () => {
    const room = await alice.createRoom({ name: 'Attachments', visibility: 'PRIVATE' });
    await alice.invite(room.id, bob.publicId);
    await bob.join(room.id);
    const files = [await uploaded(alice.userId), await uploaded(alice.userId, 'application/pdf')];
    const sent = dataOf<{ id: string; attachments: { __typename: string; attachmentTicket: string }[] }>(await alice.call(SEND, { input: { roomId: room.id, text: 'two files', attachmentIds: files } }), 'sendMessage');
    expect(sent.attachments.map((a) => a.__typename)).toEqual(['File', 'File']);

    const seen = dataOf<any>(await bob.call(HISTORY, { id: room.id }), 'room').messages.edges[0].node;
    const granted = seen.attachments.map((a: { attachmentTicket: string }) => tickets.check(a.attachmentTicket, new Date()));
    expect(granted).toEqual(files.map((id) => ({ fileId: decodeId('File', id), ownerId: alice.userId, context: `chat.room:${decodeId('Room', room.id)}`, readerId: bob.userId, expiresAt: expect.any(Number) })));

    // Carol may not read the private room: no message, so no ticket.
    expect((await carol.call(HISTORY, { id: room.id })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // After deleting the message, nobody gets its attachments.
    await alice.call(`mutation($id: ID!) { deleteMessage(id: $id) { id } }`, { id: sent.id });
    expect(dataOf<any>(await bob.call(HISTORY, { id: room.id }), 'room').messages.edges[0].node.attachments).toEqual([]);
  });

  it('in a public room, anyone signed in may read them (as they may read the messages)', async () => {
    const room = await alice.createRoom({ name: 'Open', visibility: 'PUBLIC' });
    await alice.call(SEND, { input: { roomId: room.id, text: 'for all', attachmentIds: [await uploaded(alice.userId)] } });
    const [node] = dataOf<any>(await carol.call(HISTORY, { id: room.id }), 'room').messages.edges.map((e: any) => e.node);
    expect(tickets.check(node.attachments[0].attachmentTicket, new Date())?.readerId).toBe(carol.userId);
  });

  it.each([
    ['someone else’s file', async () => [await uploaded(bob.userId)], 'NOT_YOUR_FILE'],
    ['an unknown id', async () => [encodeId('File', randomUUID())], 'NOT_YOUR_FILE'],
    ['the same file twice', async () => { const id = await uploaded(alice.userId); return [id, id]; }, 'DUPLICATE_ATTACHMENT'],
    ['too many files', async () => Promise.all(Array.from({ length: MAX_MESSAGE_ATTACHMENTS + 1 }, () => uploaded(alice.userId))), 'TOO_MANY_ATTACHMENTS'],
  ])('refuses %s with BAD_USER_INPUT, and sends nothing', async (_name, ids, reason) => {
    const room = await alice.createRoom({ name: `Refusals ${reason}` });
    const result = await alice.call(SEND, { input: { roomId: room.id, text: 'nope', attachmentIds: await ids() } });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.attachmentIds', reason });
    expect(result.errors?.[0]?.message).toMatch(/attachmentIds/);
    expect(await messageCount(room.id)).toBe(0);
  });

  it('a file its owner deleted (file.deleted) is no longer listed', async () => {
    const room = await alice.createRoom({ name: 'Deleted file' });
    const fileId = await uploaded(alice.userId);
    await alice.call(SEND, { input: { roomId: room.id, text: 'soon gone', attachmentIds: [fileId] } });
    const raw = decodeId('File', fileId);
    await app.database.db().transaction((tx) =>
      fileOwnerHandlers(fileOwners).deleted(
        { id: randomUUID(), type: 'file.deleted', version: 1, domain: 'files', aggregateId: raw, tenantId: null, occurredAt: new Date().toISOString(), traceparent: null, payload: { fileId: raw, ownerId: alice.userId } },
        { tx, log: testLogger },
      ),
    );
    expect(dataOf<any>(await alice.call(HISTORY, { id: room.id }), 'room').messages.edges[0].node.attachments).toEqual([]);
    expect((await app.database.db().select({ n: count() }).from(messageAttachments).where(eq(messageAttachments.fileId, raw)))[0]!.n).toBe(0);
  });
});

describe('no N+1', () => {
  it('a history of 2 messages with attachments costs what 10 cost', async () => {
    const room = await alice.createRoom({ name: 'Batching attachments' });
    for (let i = 0; i < 10; i++) await alice.call(SEND, { input: { roomId: room.id, text: `m${i}`, attachmentIds: [await uploaded(alice.userId), await uploaded(alice.userId)] } });
    const statements = async (first: number) => {
      counter.reset();
      const result = await alice.call(HISTORY, { id: room.id, first });
      expect(result.errors).toBeUndefined();
      expect(result.data!.room.messages.edges.every((e: any) => e.node.attachments.length === 2)).toBe(true);
      return counter.count;
    };
    const two = await statements(2);
    const ten = await statements(10);
    expect(ten).toBe(two);
    // the room + the viewer's membership + the message page + the attachments of the page
    expect(ten).toBe(4);
  });
});
