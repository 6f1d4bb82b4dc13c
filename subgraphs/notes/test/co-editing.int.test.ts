import { randomBytes } from 'node:crypto';
import * as Y from 'yjs';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisPubSub, decodeId, uuidv7, type PubSub } from '@mosaic/kit';
import { collect, createTestAuth, createTestDatabase, errorCodes, testLogger, wsClient, type TestDatabase } from '@mosaic/testing';
import { noteCrdtUpdates, notes } from '../src/data/tables';
import { newMember, startNotes, type NotesApp } from './harness';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const COMPACT_EVERY = 4;

/**
 * Co-editing on two replicas of notes over one database and Redis (services mode): updates are
 * applied through either, subscribers of the other receive them; bad updates change nothing.
 */
let database: TestDatabase;
const pubsubs: PubSub[] = [];
let a: NotesApp;
let b: NotesApp;
beforeAll(async () => {
  database = await createTestDatabase();
  const auth = await createTestAuth();
  const prefix = `test:notes:${randomBytes(6).toString('hex')}:`;
  for (let i = 0; i < 2; i++) pubsubs.push(await createRedisPubSub(REDIS_URL, testLogger, prefix));
  const env = { NOTES_CRDT_COMPACT_EVERY: String(COMPACT_EVERY) };
  a = await startNotes({ database, auth, pubsub: pubsubs[0]!, env });
  b = await startNotes({ database, auth, pubsub: pubsubs[1]!, env });
});
afterAll(async () => {
  await a?.close();
  await b?.close();
  for (const pubsub of pubsubs) await pubsub.close();
  await database?.drop();
});

const APPLY = `mutation($noteId: ID!, $update: String!, $stateVector: String) { applyNoteUpdate(noteId: $noteId, update: $update, stateVector: $stateVector) { update stateVector note { body updatedAt } } }`;
const DOCUMENT = `query($noteId: ID!, $stateVector: String) { noteDocument(noteId: $noteId, stateVector: $stateVector) { update stateVector } }`;
const SHARE = `mutation($n: ID!, $u: ID!, $r: NoteShareRole!) { shareNote(noteId: $n, userId: $u, role: $r) { id } }`;
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const fromB64 = (value: string) => new Uint8Array(Buffer.from(value, 'base64'));

/** A client document loaded from the server, and a helper that sends one local edit. */
async function load(app: NotesApp, noteId: string, token: string) {
  const doc = new Y.Doc();
  const answer = await app.call(DOCUMENT, { noteId }, token);
  if (answer.errors) throw new Error(JSON.stringify(answer.errors));
  Y.applyUpdate(doc, fromB64(answer.data!.noteDocument.update));
  return {
    doc,
    text: () => doc.getText('body').toString(),
    async edit(change: (text: Y.Text) => void, via: NotesApp = app) {
      const before = Y.encodeStateVector(doc);
      change(doc.getText('body'));
      return via.call(APPLY, { noteId, update: b64(Y.encodeStateAsUpdate(doc, before)) }, token);
    },
  };
}

const storedUpdates = async (noteId: string) => (await database.db().select({ n: count() }).from(noteCrdtUpdates).where(eq(noteCrdtUpdates.noteId, decodeId('Note', noteId))))[0]!.n;
const storedBody = async (noteId: string) => (await database.db().select({ body: notes.body }).from(notes).where(eq(notes.id, decodeId('Note', noteId))))[0]!.body;

describe('co-editing across replicas', () => {
  it('a subscriber of replica B receives an update applied through replica A', async () => {
    const ada = await newMember(a);
    const note = await ada.create({ body: 'one' });
    const client = wsClient(b.wsUrl, ada.token);
    const stream = collect(client, `subscription($n: ID!) { noteUpdates(noteId: $n) { update sync author { id } } }`, { n: note.id });
    const [sync] = await stream.waitFor(1, 20_000);
    const follower = new Y.Doc();
    Y.applyUpdate(follower, fromB64(sync!.data!.noteUpdates.update));
    expect(follower.getText('body').toString()).toBe('one');

    const editor = await load(a, note.id, ada.token);
    expect((await editor.edit((text) => text.insert(3, ' two'))).errors).toBeUndefined();
    const [, live] = await stream.waitFor(2, 20_000);
    expect(live!.data!.noteUpdates).toMatchObject({ sync: false, author: { id: ada.publicId } });
    Y.applyUpdate(follower, fromB64(live!.data!.noteUpdates.update));
    expect(follower.getText('body').toString()).toBe('one two');
    stream.stop();
    await client.dispose();
  });

  it('compacts stored updates into one snapshot every few updates, losing nothing', async () => {
    const ada = await newMember(a);
    const note = await ada.create({ body: '' });
    const editor = await load(a, note.id, ada.token);
    for (let i = 0; i < 10; i++) expect((await editor.edit((text) => text.insert(text.length, `${i}`), i % 2 ? b : a)).errors).toBeUndefined();
    expect(await storedUpdates(note.id)).toBeLessThan(COMPACT_EVERY);
    expect(await storedBody(note.id)).toBe('0123456789');
    const fresh = await load(b, note.id, ada.token);
    expect(fresh.text()).toBe('0123456789');
  });

  it('updateNote changes the body as one edit of the document: a co-editor\'s edits elsewhere survive', async () => {
    const ada = await newMember(a);
    const bob = await newMember(a);
    const note = await ada.create({ body: 'hello world' });
    await a.call(SHARE, { n: note.id, u: bob.publicId, r: 'EDITOR' }, ada.token);
    const bobs = await load(b, note.id, bob.token);
    // Ada rewrites the end with updateNote while Bob, who has not seen it, edits the start.
    const updated = await a.call(`mutation($id: ID!, $input: UpdateNoteInput!) { updateNote(id: $id, input: $input) { body } }`, { id: note.id, input: { body: 'hello brave world' } }, ada.token);
    expect(updated.errors).toBeUndefined();
    expect((await bobs.edit((text) => text.insert(0, '> '))).errors).toBeUndefined();
    expect(await storedBody(note.id)).toBe('> hello brave world');
  });

  it('refuses what is not a Yjs update, or text beyond the body\'s rules, and changes nothing', async () => {
    const ada = await newMember(a);
    const note = await ada.create({ body: 'keep' });
    const before = await storedUpdates(note.id);
    const notBase64 = await a.call(APPLY, { noteId: note.id, update: 'not base64!' }, ada.token);
    expect(notBase64.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'update' });
    const garbage = await a.call(APPLY, { noteId: note.id, update: b64(new Uint8Array([255, 255, 255, 255, 1, 2, 3])) }, ada.token);
    expect(garbage.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'update' });
    const badVector = await a.call(DOCUMENT, { noteId: note.id, stateVector: 'A' }, ada.token);
    expect(badVector.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'stateVector' });

    const editor = await load(a, note.id, ada.token);
    const tooLong = await editor.edit((text) => text.insert(0, 'x'.repeat(100_001)));
    expect(tooLong.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'update' });
    const nul = await (await load(a, note.id, ada.token)).edit((text) => text.insert(0, '\u0000'));
    expect(errorCodes(nul)).toEqual(['BAD_USER_INPUT']);
    expect(await storedBody(note.id)).toBe('keep');
    expect(await storedUpdates(note.id)).toBe(before);
  });

  it('only the owner and editors apply updates: FORBIDDEN for viewers and organisation members, NOT_FOUND for others', async () => {
    const ada = await newMember(a);
    const viewer = await newMember(a);
    const stranger = await newMember(a);
    const note = await ada.create({ body: 'mine' });
    await a.call(SHARE, { n: note.id, u: viewer.publicId, r: 'VIEWER' }, ada.token);
    const update = b64(Y.encodeStateAsUpdate(new Y.Doc()));
    expect(errorCodes(await a.call(APPLY, { noteId: note.id, update }, viewer.token))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await a.call(APPLY, { noteId: note.id, update }, stranger.token))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await a.call(DOCUMENT, { noteId: note.id }, stranger.token))).toEqual(['NOT_FOUND']);
    // Sharing is the owner's: an editor or a stranger cannot share it further.
    expect(errorCodes(await a.call(SHARE, { n: note.id, u: stranger.publicId, r: 'EDITOR' }, viewer.token))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await a.call(SHARE, { n: note.id, u: viewer.publicId, r: 'EDITOR' }, stranger.token))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await a.call(SHARE, { n: note.id, u: ada.publicId, r: 'EDITOR' }, ada.token))).toEqual(['BAD_USER_INPUT']);

    const org = uuidv7();
    const author = { userId: uuidv7() };
    const authorToken = await a.auth.tokenFor(author.userId, { tenant: { id: org, role: 'member' } });
    const memberToken = await a.auth.tokenFor(uuidv7(), { tenant: { id: org, role: 'member' } });
    const orgNote = (await a.call(`mutation { createNote(input: { body: "team", shared: true }) { id } }`, {}, authorToken)).data!.createNote.id as string;
    expect(errorCodes(await a.call(APPLY, { noteId: orgNote, update }, memberToken))).toEqual(['FORBIDDEN']);
    expect((await a.call(DOCUMENT, { noteId: orgNote }, memberToken)).errors).toBeUndefined();
  });

  it('row-level security: the updates of a note are invisible to SQL bound to anyone who cannot see the note', async () => {
    const ada = await newMember(a);
    const note = await ada.create({ body: 'secret' });
    await (await load(a, note.id, ada.token)).edit((text) => text.insert(0, 'top '));
    expect(await storedUpdates(note.id)).toBeGreaterThan(0);
    const { withTenant } = await import('@mosaic/kit');
    const seenBy = (userId: string) => withTenant(database.appDb(), { userId, tenantId: null, admin: false }, (tx) => tx.select({ id: noteCrdtUpdates.id }).from(noteCrdtUpdates).where(eq(noteCrdtUpdates.noteId, decodeId('Note', note.id))));
    expect((await seenBy(ada.userId)).length).toBeGreaterThan(0);
    expect(await seenBy(uuidv7())).toEqual([]);
  });

  it('renders the body to sanitised HTML', async () => {
    const ada = await newMember(a);
    const note = await ada.create({ body: '# Plan\n\n<img src=x onerror="alert(1)"> [x](javascript:alert(1)) **bold**' });
    const html = (await a.call(`query($id: ID!) { note(id: $id) { html } }`, { id: note.id }, ada.token)).data!.note.html as string;
    expect(html).toContain('<h1>Plan</h1>');
    expect(html).toContain('<strong>bold</strong>');
    // Dangerous markup is gone; the refused link stays visible as text.
    expect(html).not.toMatch(/onerror|href="javascript/i);
    expect(html).toContain('<img src="x" />');
  });
});
