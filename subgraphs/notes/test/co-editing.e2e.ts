import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect, errorCodes, wsClient, type Collected } from '@mosaic/testing';
import { startTestGraph, type TestGraph } from '@mosaic/platform/testing';

/**
 * Live co-editing through the gateway: two users, each with a real Y.Doc and a real graphql-ws
 * client, edit one note at the same time; their documents and the stored body converge.
 */
let graph: TestGraph;
beforeAll(async () => {
  graph = await startTestGraph();
});
afterAll(() => graph?.close());

const UPDATES = `subscription($noteId: ID!, $stateVector: String) { noteUpdates(noteId: $noteId, stateVector: $stateVector) { noteId update sync origin author { id } } }`;
const APPLY = `mutation($noteId: ID!, $update: String!, $stateVector: String, $origin: String) {
  applyNoteUpdate(noteId: $noteId, update: $update, stateVector: $stateVector, origin: $origin) { update stateVector note { body } }
}`;
const DOCUMENT = `query($noteId: ID!, $stateVector: String) { noteDocument(noteId: $noteId, stateVector: $stateVector) { update stateVector } }`;

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const bytes = (base64: string) => new Uint8Array(Buffer.from(base64, 'base64'));

interface UpdateEvent {
  noteUpdates: { noteId: string; update: string; sync: boolean; origin: string | null; author: { id: string } | null };
}

/** A co-editor: a Y.Doc, local edits sent with applyNoteUpdate, remote ones applied from the subscription. */
function editor(token: string, noteId: string) {
  const doc = new Y.Doc();
  const origin = String(doc.clientID);
  const client = wsClient(graph.gatewayUrl.replace('http', 'ws'), token);
  let events: Collected<UpdateEvent> | null = null;
  let applied = 0;
  const sends: Promise<unknown>[] = [];
  doc.on('update', (update: Uint8Array, from: unknown) => {
    if (from === 'remote') return;
    sends.push(graph.call(APPLY, { noteId, update: b64(update), origin }, token).then((r) => expect(r.errors).toBeUndefined()));
  });
  const drain = () => {
    for (const result of events!.results.slice(applied)) {
      applied++;
      const event = result.data!.noteUpdates;
      if (event.origin !== origin) Y.applyUpdate(doc, bytes(event.update), 'remote');
    }
  };
  return {
    doc,
    text: () => {
      drain();
      return doc.getText('body').toString();
    },
    /** Subscribes and waits for the sync event: from then on every update applied reaches this editor. */
    async connect() {
      events = collect<UpdateEvent>(client, UPDATES, { noteId, stateVector: b64(Y.encodeStateVector(doc)) });
      await events.waitFor(1, 20_000);
      expect(events.results[0]!.data!.noteUpdates.sync).toBe(true);
      drain();
    },
    async settled() {
      await Promise.all(sends);
    },
    async close() {
      events?.stop();
      await client.dispose();
    },
  };
}

async function createNote(token: string, body: string) {
  const created = await graph.call(`mutation($input: CreateNoteInput!) { createNote(input: $input) { id } }`, { input: { title: 'Shared plan', body } }, token);
  expect(created.errors).toBeUndefined();
  return created.data!.createNote.id as string;
}

async function share(token: string, noteId: string, userId: string, role: 'EDITOR' | 'VIEWER') {
  const shared = await graph.call(`mutation($n: ID!, $u: ID!, $r: NoteShareRole!) { shareNote(noteId: $n, userId: $u, role: $r) { id shares { user { id } role } } }`, { n: noteId, u: userId, r: role }, token);
  expect(shared.errors).toBeUndefined();
  return shared.data!.shareNote;
}

const bodyOf = async (token: string, id: string) => (await graph.call(`query($id: ID!) { note(id: $id) { body viewerAccess } }`, { id }, token)).data?.note;

describe('co-editing a note through the gateway', () => {
  it('two editors typing at once converge, without losing either edit, and the body follows', async () => {
    const ada = await graph.signUp('ada-coedit@example.com');
    const bob = await graph.signUp('bob-coedit@example.com');
    const noteId = await createNote(ada.token, 'Agenda:\n');
    expect((await share(ada.token, noteId, bob.userId, 'EDITOR')).shares).toEqual([{ user: { id: bob.userId }, role: 'EDITOR' }]);

    const a = editor(ada.token, noteId);
    const b = editor(bob.token, noteId);
    await a.connect();
    await b.connect();
    expect(a.text()).toBe('Agenda:\n');
    expect(b.text()).toBe('Agenda:\n');

    // Both insert at the same place before seeing the other's edit: a conflict the CRDT must merge.
    const textA = a.doc.getText('body');
    const textB = b.doc.getText('body');
    textA.insert(textA.length, '- budget\n');
    textB.insert(textB.length, '- hiring\n');
    for (let i = 0; i < 5; i++) {
      textA.insert(0, `a${i}`);
      textB.insert(textB.length, `b${i}`);
    }
    await Promise.all([a.settled(), b.settled()]);

    await expect.poll(() => a.text() === b.text() && a.text(), { timeout: 20_000 }).toBeTruthy();
    const merged = a.text();
    for (const piece of ['Agenda:', '- budget', '- hiring', 'a0', 'a4', 'b0', 'b4']) expect(merged).toContain(piece);
    expect(await bodyOf(ada.token, noteId)).toEqual({ body: merged, viewerAccess: 'OWNER' });
    expect(await bodyOf(bob.token, noteId)).toEqual({ body: merged, viewerAccess: 'EDITOR' });
    await a.close();
    await b.close();
  });

  it('edits made offline merge on reconnect: state vector in, missing diff out', async () => {
    const cleo = await graph.signUp('cleo-coedit@example.com');
    const dan = await graph.signUp('dan-coedit@example.com');
    const noteId = await createNote(cleo.token, 'start');
    await share(cleo.token, noteId, dan.userId, 'EDITOR');

    // Dan loads the document, then goes offline and edits.
    const offline = new Y.Doc();
    const first = await graph.call(DOCUMENT, { noteId }, dan.token);
    Y.applyUpdate(offline, bytes(first.data!.noteDocument.update));
    const offlineVector = Y.encodeStateVector(offline);
    offline.getText('body').insert(0, 'dan> ');

    // Meanwhile Cleo edits online.
    const online = new Y.Doc();
    Y.applyUpdate(online, bytes((await graph.call(DOCUMENT, { noteId }, cleo.token)).data!.noteDocument.update));
    const before = Y.encodeStateVector(online);
    online.getText('body').insert(online.getText('body').length, ' <cleo');
    expect((await graph.call(APPLY, { noteId, update: b64(Y.encodeStateAsUpdate(online, before)) }, cleo.token)).errors).toBeUndefined();

    // Dan reconnects: sends what the server lacks, with his old state vector, and gets back what he lacks.
    const server = await graph.call(DOCUMENT, { noteId, stateVector: b64(offlineVector) }, dan.token);
    const mine = Y.encodeStateAsUpdate(offline, bytes(server.data!.noteDocument.stateVector));
    const synced = await graph.call(APPLY, { noteId, update: b64(mine), stateVector: b64(Y.encodeStateVector(offline)) }, dan.token);
    expect(synced.errors).toBeUndefined();
    Y.applyUpdate(offline, bytes(synced.data!.applyNoteUpdate.update));
    expect(offline.getText('body').toString()).toBe('dan> start <cleo');
    expect(synced.data!.applyNoteUpdate.note.body).toBe('dan> start <cleo');
  });

  it('a viewer follows live but may not apply updates; a stranger gets NOT_FOUND for both', async () => {
    const eve = await graph.signUp('eve-coedit@example.com');
    const fay = await graph.signUp('fay-coedit@example.com');
    const gus = await graph.signUp('gus-coedit@example.com');
    const noteId = await createNote(eve.token, 'read me');
    await share(eve.token, noteId, fay.userId, 'VIEWER');
    const update = b64(Y.encodeStateAsUpdate(new Y.Doc()));

    const refused = await graph.call(APPLY, { noteId, update }, fay.token);
    expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
    expect(errorCodes(await graph.call(APPLY, { noteId, update }, gus.token))).toEqual(['NOT_FOUND']);

    const strangerClient = wsClient(graph.gatewayUrl.replace('http', 'ws'), gus.token);
    const stranger = collect(strangerClient, UPDATES, { noteId });
    expect(errorCodes((await stranger.waitFor(1, 20_000))[0]!)).toEqual(['NOT_FOUND']);
    await strangerClient.dispose();

    const viewer = editor(fay.token, noteId);
    await viewer.connect();
    expect(viewer.text()).toBe('read me');
    const owner = editor(eve.token, noteId);
    await owner.connect();
    owner.doc.getText('body').insert(0, 'please ');
    await owner.settled();
    await expect.poll(() => viewer.text(), { timeout: 20_000 }).toBe('please read me');
    await viewer.close();
    await owner.close();

    // Once unshared, the former viewer cannot even see it.
    await graph.call(`mutation($n: ID!, $u: ID!) { unshareNote(noteId: $n, userId: $u) { id } }`, { n: noteId, u: fay.userId }, eve.token);
    expect(errorCodes(await graph.call(DOCUMENT, { noteId }, fay.token))).toEqual(['NOT_FOUND']);
  });

  it('a public share link opens through the gateway\'s port, without signing in, until revoked', async () => {
    const hal = await graph.signUp('hal-coedit@example.com');
    const noteId = await createNote(hal.token, 'Open **to all**');
    const created = await graph.call(`mutation($n: ID!) { createNoteShareLink(noteId: $n) { token link { id } } }`, { n: noteId }, hal.token);
    const { token, link } = created.data!.createNoteShareLink as { token: string; link: { id: string } };
    const pageUrl = new URL(`/notes/shared/${token}`, graph.gatewayUrl).toString();
    const open = await fetch(pageUrl);
    expect(open.status).toBe(200);
    expect(await open.text()).toContain('<strong>to all</strong>');
    await graph.call(`mutation($id: ID!) { revokeNoteShareLink(id: $id) { active } }`, { id: link.id }, hal.token);
    const gone = await fetch(pageUrl);
    expect(gone.status).toBe(404);
    expect(await gone.text()).toContain('revoked');
  });
});
