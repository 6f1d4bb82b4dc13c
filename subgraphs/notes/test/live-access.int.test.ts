import { randomBytes, randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisPubSub, decodeId, encodeId, type PubSub } from '@mosaic/kit';
import { collect, createTestAuth, createTestDatabase, errorCodes, testLogger, wsClient, type TestDatabase } from '@mosaic/testing';
import { noteCrdtUpdates, notes } from '../src/data/tables';
import { newMember, startNotes, type NotesApp } from './harness';
import { nextMatching } from './live-streams';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * Two replicas of notes over one database and Redis: access revoked through one replica ends the
 * streams open on the other; co-editors' cursors (awareness) cross replicas and are never stored.
 */
let database: TestDatabase;
const pubsubs: PubSub[] = [];
let a: NotesApp;
let b: NotesApp;
beforeAll(async () => {
  database = await createTestDatabase();
  const auth = await createTestAuth();
  const prefix = `test:notes-live:${randomBytes(6).toString('hex')}:`;
  for (let i = 0; i < 2; i++) pubsubs.push(await createRedisPubSub(REDIS_URL, testLogger, prefix));
  a = await startNotes({ database, auth, pubsub: pubsubs[0]! });
  b = await startNotes({ database, auth, pubsub: pubsubs[1]! });
});
afterAll(async () => {
  await a?.close();
  await b?.close();
  for (const pubsub of pubsubs) await pubsub.close();
  await database?.drop();
});

const UPDATES = `subscription($n: ID!) { noteUpdates(noteId: $n) { update sync author { id } } }`;
const AWARENESS = `subscription($n: ID!, $s: String) { noteAwareness(noteId: $n, session: $s) { kind noteId user { id } session name color cursor { anchor head } expiresAt } }`;
const PUBLISH = `mutation($n: ID!, $input: NoteAwarenessInput!) { publishNoteAwareness(noteId: $n, input: $input) { kind session name color cursor { anchor head } expiresAt user { id } } }`;
const APPLY = `mutation($n: ID!, $update: String!) { applyNoteUpdate(noteId: $n, update: $update) { note { body } } }`;
const SHARE = `mutation($n: ID!, $u: ID!, $r: NoteShareRole!) { shareNote(noteId: $n, userId: $u, role: $r) { id } }`;
const UNSHARE = `mutation($n: ID!, $u: ID!) { unshareNote(noteId: $n, userId: $u) { id } }`;
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

interface UpdateEvent {
  noteUpdates: { update: string; sync: boolean; author: { id: string } | null } | null;
}
interface AwarenessView {
  kind: 'LIVE' | 'PRESENT' | 'LEFT';
  noteId: string;
  user: { id: string };
  session: string | null;
  name: string | null;
  color: string | null;
  cursor: { anchor: string; head: string } | null;
  expiresAt: string | null;
}
interface AwarenessEvent {
  noteAwareness: AwarenessView | null;
}

async function noteSharedWith(role: 'EDITOR' | 'VIEWER', body = 'start') {
  const owner = await newMember(a);
  const other = await newMember(a);
  const note = await owner.create({ body });
  expect((await a.call(SHARE, { n: note.id, u: other.publicId, r: role }, owner.token)).errors).toBeUndefined();
  return { owner, other, noteId: note.id };
}

/** A stream on `app`, waited for until live (its first event). */
async function open<T>(app: NotesApp, token: string, query: string, variables: Record<string, unknown>) {
  const client = wsClient(app.wsUrl, token);
  const stream = collect<T>(client, query, variables);
  await stream.waitFor(1, 20_000);
  return { stream, client };
}

/** A Yjs update that appends `text` to the note's body as the server has it. */
async function appendUpdate(app: NotesApp, token: string, noteId: string, text: string) {
  const doc = new Y.Doc();
  const loaded = await app.call(`query($n: ID!) { noteDocument(noteId: $n) { update } }`, { n: noteId }, token);
  if (loaded.errors) throw new Error(JSON.stringify(loaded.errors));
  Y.applyUpdate(doc, new Uint8Array(Buffer.from(loaded.data!.noteDocument.update, 'base64')));
  const before = Y.encodeStateVector(doc);
  doc.getText('body').insert(doc.getText('body').length, text);
  return b64(Y.encodeStateAsUpdate(doc, before));
}

/** A cursor at `index` of the body, as a client encodes it. */
function caretAt(index: number) {
  const doc = new Y.Doc();
  doc.getText('body').insert(0, 'hello world');
  const position = b64(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(doc.getText('body'), index)));
  return { anchor: position, head: position };
}

const storedUpdates = async (noteId: string) => (await database.db().select({ n: count() }).from(noteCrdtUpdates).where(eq(noteCrdtUpdates.noteId, decodeId('Note', noteId))))[0]!.n;
const storedBody = async (noteId: string) => (await database.db().select({ body: notes.body }).from(notes).where(eq(notes.id, decodeId('Note', noteId))))[0]!.body;

describe('revoking access ends open streams, across replicas', () => {
  it('unsharing through replica A ends the editor\'s noteUpdates and noteAwareness streams on replica B with NOT_FOUND', async () => {
    const { owner, other: bob, noteId } = await noteSharedWith('EDITOR');
    const updates = await open<UpdateEvent>(b, bob.token, UPDATES, { n: noteId });
    const awareness = await open<AwarenessEvent>(b, bob.token, AWARENESS, { n: noteId, s: 'bob-tab' });
    // The owner's own stream keeps going.
    const ownerUpdates = await open<UpdateEvent>(b, owner.token, UPDATES, { n: noteId });

    expect((await a.call(UNSHARE, { n: noteId, u: bob.publicId }, owner.token)).errors).toBeUndefined();
    for (const { stream } of [updates, awareness]) {
      expect(await stream.ended).toEqual({ completed: true });
      const last = stream.results.at(-1)!;
      expect(errorCodes(last)).toEqual(['NOT_FOUND']);
      expect(last.errors![0]!.extensions).toMatchObject({ reason: 'ACCESS_REVOKED' });
      expect(last.errors![0]!.message).toContain('no longer');
    }
    // An edit made after the revocation reaches the owner, not Bob.
    expect((await a.call(APPLY, { n: noteId, update: await appendUpdate(a, owner.token, noteId, ' more') }, owner.token)).errors).toBeUndefined();
    const { data } = await nextMatching(ownerUpdates.stream, (event) => event.noteUpdates?.sync === false);
    expect(data.noteUpdates!.author).toEqual({ id: owner.publicId });
    expect(updates.stream.results.filter((result) => result.data?.noteUpdates?.sync === false)).toEqual([]);
    ownerUpdates.stream.stop();
    for (const { client } of [updates, awareness, ownerUpdates]) await client.dispose();
  });

  it('a share changed to VIEWER keeps the reader\'s stream open but refuses their next update, storing nothing', async () => {
    const { owner, other: bob, noteId } = await noteSharedWith('EDITOR');
    const updates = await open<UpdateEvent>(b, bob.token, UPDATES, { n: noteId });
    expect((await b.call(APPLY, { n: noteId, update: await appendUpdate(b, bob.token, noteId, ' by bob') }, bob.token)).errors).toBeUndefined();
    const stored = await storedUpdates(noteId);

    expect((await a.call(SHARE, { n: noteId, u: bob.publicId, r: 'VIEWER' }, owner.token)).errors).toBeUndefined();
    const refused = await b.call(APPLY, { n: noteId, update: await appendUpdate(b, bob.token, noteId, ' again') }, bob.token);
    expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
    expect(refused.errors![0]!.message).toContain('editor');
    expect(await storedUpdates(noteId)).toBe(stored);
    expect(await storedBody(noteId)).toBe('start by bob');

    // Still a reader: the owner's next edit reaches the stream, which did not end.
    expect((await a.call(APPLY, { n: noteId, update: await appendUpdate(a, owner.token, noteId, '!') }, owner.token)).errors).toBeUndefined();
    const { data } = await nextMatching(updates.stream, (event) => event.noteUpdates?.author?.id === owner.publicId);
    expect(data.noteUpdates!.sync).toBe(false);
    expect(updates.stream.results.some((result) => result.errors)).toBe(false);

    // Unshared: a CRDT update for a note the user may no longer see at all is NOT_FOUND.
    await a.call(UNSHARE, { n: noteId, u: bob.publicId }, owner.token);
    expect(errorCodes(await b.call(APPLY, { n: noteId, update: await appendUpdate(a, owner.token, noteId, '?') }, bob.token))).toEqual(['NOT_FOUND']);
    expect(await storedUpdates(noteId)).toBe(stored + 1);
    expect(await updates.stream.ended).toEqual({ completed: true });
    await updates.client.dispose();
  });

  it('deleting the note ends everyone\'s streams, the owner\'s included', async () => {
    const { owner, other: viewer, noteId } = await noteSharedWith('VIEWER');
    const streams = [await open<UpdateEvent>(a, owner.token, UPDATES, { n: noteId }), await open<UpdateEvent>(b, viewer.token, UPDATES, { n: noteId })];
    expect((await a.call(`mutation($id: ID!) { deleteNote(id: $id) }`, { id: noteId }, owner.token)).errors).toBeUndefined();
    for (const { stream, client } of streams) {
      expect(await stream.ended).toEqual({ completed: true });
      expect(errorCodes(stream.results.at(-1)!)).toEqual(['NOT_FOUND']);
      await client.dispose();
    }
  });

  it('another user\'s access change leaves a stream alone', async () => {
    const { owner, other: bob, noteId } = await noteSharedWith('EDITOR');
    const cleo = await newMember(a);
    await a.call(SHARE, { n: noteId, u: cleo.publicId, r: 'EDITOR' }, owner.token);
    const bobs = await open<UpdateEvent>(b, bob.token, UPDATES, { n: noteId });
    const cleos = await open<UpdateEvent>(b, cleo.token, UPDATES, { n: noteId });
    await a.call(UNSHARE, { n: noteId, u: cleo.publicId }, owner.token);
    await cleos.stream.ended;
    expect((await a.call(APPLY, { n: noteId, update: await appendUpdate(a, owner.token, noteId, '.') }, owner.token)).errors).toBeUndefined();
    await nextMatching(bobs.stream, (event) => event.noteUpdates?.sync === false);
    expect(bobs.stream.results.some((result) => result.errors)).toBe(false);
    bobs.stream.stop();
    await bobs.client.dispose();
    await cleos.client.dispose();
  });
});

describe('co-editor awareness across replicas', () => {
  it('an editor\'s cursor published through replica B reaches a subscriber of replica A; leaving announces LEFT', async () => {
    const { owner: ada, other: bob, noteId } = await noteSharedWith('EDITOR');
    const adas = await open<AwarenessEvent>(a, ada.token, AWARENESS, { n: noteId, s: 'ada-1' });
    expect(adas.stream.results[0]!.data!.noteAwareness).toMatchObject({ kind: 'LIVE', noteId, user: { id: ada.publicId }, session: 'ada-1', cursor: null });
    const bobs = await open<AwarenessEvent>(b, bob.token, AWARENESS, { n: noteId, s: 'bob-1' });

    const cursor = caretAt(5);
    const before = Date.now();
    const published = await b.call(PUBLISH, { n: noteId, input: { session: 'bob-1', name: ' Bob ', color: '#FFAA00', cursor } }, bob.token);
    const after = Date.now();
    expect(published.errors).toBeUndefined();
    expect(published.data!.publishNoteAwareness).toMatchObject({ kind: 'PRESENT', session: 'bob-1', name: 'Bob', color: '#ffaa00', cursor, user: { id: bob.publicId } });
    // Valid for the timeout (30 s) from the server's clock at publishing.
    const expiresAt = Date.parse(published.data!.publishNoteAwareness.expiresAt as string);
    expect(expiresAt).toBeGreaterThanOrEqual(before + 30_000);
    expect(expiresAt).toBeLessThanOrEqual(after + 30_000);

    const seen = await nextMatching(adas.stream, (event) => event.noteAwareness?.kind === 'PRESENT');
    expect(seen.data.noteAwareness).toEqual({ kind: 'PRESENT', noteId, user: { id: bob.publicId }, session: 'bob-1', name: 'Bob', color: '#ffaa00', cursor, expiresAt: published.data!.publishNoteAwareness.expiresAt });

    // Bob closes his tab: Ada's stream hears he left.
    bobs.stream.stop();
    await bobs.client.dispose();
    const left = await nextMatching(adas.stream, (event) => event.noteAwareness?.kind === 'LEFT', seen.index + 1);
    expect(left.data.noteAwareness).toMatchObject({ user: { id: bob.publicId }, session: 'bob-1', cursor: null, expiresAt: null });
    adas.stream.stop();
    await adas.client.dispose();
  });

  it('whoever joins later hears from everyone present', async () => {
    const { owner: ada, other: bob, noteId } = await noteSharedWith('EDITOR');
    const adas = await open<AwarenessEvent>(a, ada.token, AWARENESS, { n: noteId, s: 'ada-1' });
    const bobs = await open<AwarenessEvent>(b, bob.token, AWARENESS, { n: noteId, s: 'bob-1' });
    await a.call(PUBLISH, { n: noteId, input: { session: 'ada-1', name: 'Ada', color: '#112233', cursor: caretAt(1) } }, ada.token);
    await b.call(PUBLISH, { n: noteId, input: { session: 'bob-1', name: 'Bob', color: '#445566' } }, bob.token);
    // Each stream has seen its own session's state (so it can answer for it).
    await nextMatching(adas.stream, (event) => event.noteAwareness?.session === 'ada-1' && event.noteAwareness.kind === 'PRESENT');
    await nextMatching(bobs.stream, (event) => event.noteAwareness?.session === 'bob-1' && event.noteAwareness.kind === 'PRESENT');

    const reader = await newMember(a);
    await a.call(SHARE, { n: noteId, u: reader.publicId, r: 'VIEWER' }, ada.token);
    const readers = await open<AwarenessEvent>(b, reader.token, AWARENESS, { n: noteId });
    const sessions = new Set<string>();
    for (let from = 1; sessions.size < 2; ) {
      const found = await nextMatching(readers.stream, (event) => event.noteAwareness?.kind === 'PRESENT', from);
      sessions.add(found.data.noteAwareness!.session!);
      from = found.index + 1;
    }
    expect([...sessions].sort()).toEqual(['ada-1', 'bob-1']);
    const bobsState = readers.stream.results.map((result) => result.data?.noteAwareness).find((event) => event?.session === 'bob-1');
    expect(bobsState).toMatchObject({ name: 'Bob', color: '#445566', cursor: null, user: { id: bob.publicId } });
    for (const { stream, client } of [adas, bobs, readers]) {
      stream.stop();
      await client.dispose();
    }
  });

  it('an editor made a reader leaves everyone\'s view, may no longer publish, and keeps reading', async () => {
    const { owner: ada, other: bob, noteId } = await noteSharedWith('EDITOR');
    const adas = await open<AwarenessEvent>(a, ada.token, AWARENESS, { n: noteId, s: 'ada-1' });
    const bobs = await open<AwarenessEvent>(b, bob.token, AWARENESS, { n: noteId, s: 'bob-1' });
    await b.call(PUBLISH, { n: noteId, input: { session: 'bob-1', name: 'Bob', color: '#445566' } }, bob.token);
    const present = await nextMatching(adas.stream, (event) => event.noteAwareness?.kind === 'PRESENT');

    await a.call(SHARE, { n: noteId, u: bob.publicId, r: 'VIEWER' }, ada.token);
    const left = await nextMatching(adas.stream, (event) => event.noteAwareness?.kind === 'LEFT', present.index + 1);
    expect(left.data.noteAwareness).toMatchObject({ user: { id: bob.publicId }, session: null });
    expect(errorCodes(await b.call(PUBLISH, { n: noteId, input: { session: 'bob-1', name: 'Bob', color: '#445566' } }, bob.token))).toEqual(['FORBIDDEN']);
    // Bob's own stream goes on (a reader sees cursors): Ada's next cursor reaches him.
    await a.call(PUBLISH, { n: noteId, input: { session: 'ada-1', name: 'Ada', color: '#112233' } }, ada.token);
    await nextMatching(bobs.stream, (event) => event.noteAwareness?.kind === 'PRESENT' && event.noteAwareness.session === 'ada-1');
    expect(bobs.stream.results.some((result) => result.errors)).toBe(false);
    for (const { stream, client } of [adas, bobs]) {
      stream.stop();
      await client.dispose();
    }
  });

  it('refuses readers, strangers and malformed states, and sends nothing then', async () => {
    const { owner: ada, other: reader, noteId } = await noteSharedWith('VIEWER');
    const stranger = await newMember(a);
    const input = { session: 'tab-1', name: 'Ada', color: '#112233', cursor: caretAt(2) };
    expect(errorCodes(await a.call(PUBLISH, { n: noteId, input }, reader.token))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await a.call(PUBLISH, { n: noteId, input }, stranger.token))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await a.call(PUBLISH, { n: encodeId('Note', randomUUID()), input }, ada.token))).toEqual(['NOT_FOUND']);
    const strangerClient = wsClient(a.wsUrl, stranger.token);
    const refused = collect(strangerClient, AWARENESS, { n: noteId });
    expect(errorCodes((await refused.waitFor(1, 20_000))[0]!)).toEqual(['NOT_FOUND']);
    await strangerClient.dispose();

    const watching = await open<AwarenessEvent>(b, reader.token, AWARENESS, { n: noteId, s: 'reader' });
    const fieldOf = async (bad: Record<string, unknown>) => (await a.call(PUBLISH, { n: noteId, input: { ...input, ...bad } }, ada.token)).errors?.[0]?.extensions;
    expect(await fieldOf({ color: 'red' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.color' });
    expect(await fieldOf({ session: '' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.session' });
    expect(await fieldOf({ session: 'x'.repeat(65) })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.session' });
    expect(await fieldOf({ name: '   ' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
    expect(await fieldOf({ name: 'two\nlines' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
    expect(await fieldOf({ cursor: { anchor: 'not base64!', head: input.cursor.head } })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.cursor.anchor' });
    expect(await fieldOf({ cursor: { anchor: input.cursor.anchor, head: b64(new Uint8Array([255, 255, 255])) } })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.cursor.head' });
    expect(await fieldOf({ cursor: { anchor: b64(new Uint8Array(300)), head: input.cursor.head } })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.cursor.anchor' });
    const badClient = wsClient(a.wsUrl, ada.token);
    const badSession = collect(badClient, AWARENESS, { n: noteId, s: 'no spaces allowed' });
    expect((await badSession.waitFor(1, 20_000))[0]!.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'session' });
    await badClient.dispose();

    // The first state that gets through is the valid one published after all the refusals.
    expect((await a.call(PUBLISH, { n: noteId, input: { ...input, name: 'valid' } }, ada.token)).errors).toBeUndefined();
    const first = await nextMatching(watching.stream, (event) => event.noteAwareness?.kind === 'PRESENT');
    expect(first.data.noteAwareness!.name).toBe('valid');
    watching.stream.stop();
    await watching.client.dispose();
  });
});
