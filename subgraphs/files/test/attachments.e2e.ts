import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { count, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeId, DEFAULT_EVENTS_CONFIG } from '@mosaic/kit';
import { startTestGraph, type TestGraph } from '@mosaic/platform/testing';
import { fileOwners as chatFileOwners } from '../../chat/src/data/attachment-tables';
import { messages } from '../../chat/src/data/tables';
import { fileOwners as notesFileOwners } from '../../notes/src/data/attachment-tables';
import { AMQP_URL, cleanBroker } from '../../../platform/test/events/harness';

/**
 * Files attached elsewhere, through the gateway with events over RabbitMQ: chat and notes learn
 * who owns an upload from `file.uploaded`, readers of a room or a note reach the file by the
 * ticket those subgraphs issue, others do not.
 */
const namespace = `t${randomBytes(4).toString('hex')}`;
let graph: TestGraph;
let origin: string;
let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'mosaic-attachments-e2e-'));
  process.env.FILES_DIR = join(dataDir, 'objects');
  process.env.FILES_UPLOADS_DIR = join(dataDir, 'uploads');
  graph = await startTestGraph({ events: { ...DEFAULT_EVENTS_CONFIG, pollMs: 100, retryBaseMs: 50, transport: { kind: 'rabbitmq', url: AMQP_URL, namespace } } });
  origin = new URL(graph.gatewayUrl).origin;
});
afterAll(async () => {
  await graph?.close();
  await rm(dataDir, { recursive: true, force: true });
  await cleanBroker(['chat.file-owners', 'chat.file-owners-deleted', 'notes.file-owners', 'notes.file-owners-deleted', 'files.thumbnails'], ['files'], namespace);
});

/** A path on the gateway's origin (the subgraphs build URLs on the configured public origin). */
const onGateway = (url: string) => `${origin}${new URL(url).pathname}`;

async function ok<T = any>(query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
  const result = await graph.call(query, variables, token);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data as T;
}

async function uploadPng(token: string, name: string): Promise<{ id: string; bytes: Buffer }> {
  const bytes = await sharp({ create: { width: 32, height: 24, channels: 3, background: '#3b82f6' } }).png().toBuffer();
  const answer = await fetch(`${origin}/files/upload?name=${encodeURIComponent(name)}`, { method: 'POST', body: new Uint8Array(bytes), headers: { authorization: `Bearer ${token}` } });
  expect(answer.status).toBe(201);
  const { id } = (await answer.json()) as { id: string };
  // The upload reaches chat and notes as `file.uploaded` through the relay and RabbitMQ.
  const known = async (table: typeof chatFileOwners | typeof notesFileOwners) => (await graph.database.db().select({ n: count() }).from(table).where(eq(table.fileId, decodeId('File', id))))[0]!.n;
  await expect.poll(() => known(chatFileOwners), { timeout: 15_000 }).toBe(1);
  await expect.poll(() => known(notesFileOwners), { timeout: 15_000 }).toBe(1);
  return { id, bytes };
}

const HISTORY = `query($id: ID!) { room(id: $id) { messages(first: 5) { edges { node { text attachments { id name contentType owner { id } downloadUrl(disposition: INLINE) } } } } } }`;

describe('chat attachments through files', () => {
  it('a room member downloads the attachment through its signed URL; a non-member gets null and cannot attach it', async () => {
    const alice = await graph.signUp(`alice-${randomBytes(3).toString('hex')}@example.com`);
    const bob = await graph.signUp(`bob-${randomBytes(3).toString('hex')}@example.com`);
    const carol = await graph.signUp(`carol-${randomBytes(3).toString('hex')}@example.com`);
    const photo = await uploadPng(alice.token, 'whiteboard.png');

    const room = (await ok(`mutation { createRoom(input: { name: "Design", visibility: PRIVATE }) { id } }`, {}, alice.token)).createRoom.id;
    await ok(`mutation($r: ID!, $u: ID!) { inviteToRoom(roomId: $r, userId: $u) { createdAt } }`, { r: room, u: bob.userId }, alice.token);
    await ok(`mutation($r: ID!) { joinRoom(roomId: $r) { id } }`, { r: room }, bob.token);
    const sent = await ok(`mutation($input: SendMessageInput!) { sendMessage(input: $input) { attachments { id name } } }`, { input: { roomId: room, text: 'the whiteboard', attachmentIds: [photo.id] } }, alice.token);
    expect(sent.sendMessage.attachments).toEqual([{ id: photo.id, name: 'whiteboard.png' }]);

    // Bob never got the file shared with him: the room makes him a reader.
    const seen = (await ok(HISTORY, { id: room }, bob.token)).room.messages.edges[0].node;
    expect(seen.attachments).toEqual([{ id: photo.id, name: 'whiteboard.png', contentType: 'image/png', owner: { id: alice.userId }, downloadUrl: expect.stringContaining('/files/d/') }]);
    const download = await fetch(onGateway(seen.attachments[0].downloadUrl));
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer())).toEqual(photo.bytes);
    // …but only through the room: the file itself is still Alice's alone.
    expect((await ok(`query($id: ID!) { file(id: $id) { id } }`, { id: photo.id }, bob.token)).file).toBeNull();

    // Carol is no member: the file is null for her, and the room's history is closed.
    expect((await ok(`query($id: ID!) { file(id: $id) { id } }`, { id: photo.id }, carol.token)).file).toBeNull();
    const closed = await graph.call(HISTORY, { id: room }, carol.token);
    expect(closed.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // Attaching Alice's file to her own room is refused, and nothing is sent.
    const own = (await ok(`mutation { createRoom(input: { name: "Carol's" }) { id } }`, {}, carol.token)).createRoom.id;
    const refused = await graph.call(`mutation($input: SendMessageInput!) { sendMessage(input: $input) { id } }`, { input: { roomId: own, text: 'look', attachmentIds: [photo.id] } }, carol.token);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NOT_YOUR_FILE' });
    expect((await graph.database.db().select({ n: count() }).from(messages).where(eq(messages.roomId, decodeId('Room', own))))[0]!.n).toBe(0);

    // Bob leaves: the attachment is no longer his to read.
    await ok(`mutation($r: ID!) { leaveRoom(roomId: $r) { roomId } }`, { r: room }, bob.token);
    expect((await graph.call(HISTORY, { id: room }, bob.token)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('notes attachments through files', () => {
  const NOTE = `query($id: ID!) { note(id: $id) { html attachments { id name } } }`;
  const imageUrlOf = (html: string) => /<img alt="whiteboard" src="([^"]+)"/.exec(html)?.[1];

  it('renders an attached image inline for collaborators and share-link viewers, only while the note is shared', async () => {
    const alice = await graph.signUp(`nalice-${randomBytes(3).toString('hex')}@example.com`);
    const bob = await graph.signUp(`nbob-${randomBytes(3).toString('hex')}@example.com`);
    const photo = await uploadPng(alice.token, 'whiteboard.png');
    const note = (await ok(`mutation($input: CreateNoteInput!) { createNote(input: $input) { id } }`, { input: { title: 'Design', body: `Our board:\n\n![whiteboard](attachment:${photo.id})` } }, alice.token)).createNote.id;
    await ok(`mutation($input: NoteAttachmentInput!) { attachFileToNote(input: $input) { id } }`, { input: { noteId: note, fileId: photo.id } }, alice.token);

    // Bob, a collaborator: the image is inline, and its URL downloads the picture.
    await ok(`mutation($n: ID!, $u: ID!) { shareNote(noteId: $n, userId: $u, role: VIEWER) { id } }`, { n: note, u: bob.userId }, alice.token);
    const asBob = (await ok(NOTE, { id: note }, bob.token)).note;
    expect(asBob.attachments).toEqual([{ id: photo.id, name: 'whiteboard.png' }]);
    const src = imageUrlOf(asBob.html);
    expect(src).toMatch(/\/files\/t\/[^/]+$/);
    const redirect = await fetch(onGateway(src!), { redirect: 'manual' });
    expect(redirect.status).toBe(302);
    const image = await fetch(onGateway(redirect.headers.get('location')!));
    expect(image.status).toBe(200);
    expect(Buffer.from(await image.arrayBuffer())).toEqual(photo.bytes);

    // Unshared, Bob sees neither the note nor its attachments.
    await ok(`mutation($n: ID!, $u: ID!) { unshareNote(noteId: $n, userId: $u) { id } }`, { n: note, u: bob.userId }, alice.token);
    expect((await graph.call(NOTE, { id: note }, bob.token)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    // A public share link: anyone (no token) gets the image, on the page and through GraphQL.
    const created = (await ok(`mutation($n: ID!) { createNoteShareLink(noteId: $n) { token url link { id } } }`, { n: note }, alice.token)).createNoteShareLink;
    const shared = (await ok(`query($t: String!) { sharedNote(token: $t) { html } }`, { t: created.token })).sharedNote;
    const sharedSrc = imageUrlOf(shared.html);
    expect((await fetch(onGateway(sharedSrc!), { redirect: 'manual' })).status).toBe(302);
    const page = await (await fetch(onGateway(created.url))).text();
    expect(imageUrlOf(page)).toMatch(/\/files\/t\/[^/]+$/);

    // Revoked, the link gives no note and so no new image URL.
    await ok(`mutation($id: ID!) { revokeNoteShareLink(id: $id) { id } }`, { id: created.link.id }, alice.token);
    expect((await graph.call(`query($t: String!) { sharedNote(token: $t) { html } }`, { t: created.token })).data?.sharedNote ?? null).toBeNull();
    expect((await fetch(onGateway(created.url))).status).toBe(404);
  });
});
