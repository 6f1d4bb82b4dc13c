import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect, errorCodes, wsClient, type Collected } from '@mosaic/testing';
import { startTestGraph, type TestGraph } from '@mosaic/platform/testing';
import { nextMatching } from './live-streams';

/**
 * Co-editors' cursors and revoked access through the gateway, with real graphql-ws clients: two
 * editors see where the other's cursor is in their own document; unsharing ends the other's streams.
 */
let graph: TestGraph;
beforeAll(async () => {
  graph = await startTestGraph();
});
afterAll(() => graph?.close());

const UPDATES = `subscription($noteId: ID!, $stateVector: String) { noteUpdates(noteId: $noteId, stateVector: $stateVector) { update sync origin } }`;
const AWARENESS = `subscription($noteId: ID!, $session: String) { noteAwareness(noteId: $noteId, session: $session) { kind user { id } session name color cursor { anchor head } expiresAt } }`;
const PUBLISH = `mutation($noteId: ID!, $input: NoteAwarenessInput!) { publishNoteAwareness(noteId: $noteId, input: $input) { kind expiresAt } }`;
const APPLY = `mutation($noteId: ID!, $update: String!, $origin: String) { applyNoteUpdate(noteId: $noteId, update: $update, origin: $origin) { note { body } } }`;

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const bytes = (base64: string) => new Uint8Array(Buffer.from(base64, 'base64'));

interface UpdateEvent {
  noteUpdates: { update: string; sync: boolean; origin: string | null } | null;
}
interface AwarenessEvent {
  noteAwareness: {
    kind: 'LIVE' | 'PRESENT' | 'LEFT';
    user: { id: string };
    session: string | null;
    name: string | null;
    color: string | null;
    cursor: { anchor: string; head: string } | null;
    expiresAt: string | null;
  } | null;
}

/** A co-editor's tab: a Y.Doc kept in step through noteUpdates, and its awareness stream. */
async function openTab(token: string, noteId: string) {
  const doc = new Y.Doc();
  const session = String(doc.clientID);
  const client = wsClient(graph.gatewayUrl.replace('http', 'ws'), token);
  const updates: Collected<UpdateEvent> = collect<UpdateEvent>(client, UPDATES, { noteId, stateVector: b64(Y.encodeStateVector(doc)) });
  await updates.waitFor(1, 20_000);
  let applied = 0;
  const catchUp = () => {
    for (const result of updates.results.slice(applied)) {
      applied++;
      const event = result.data?.noteUpdates;
      if (event && event.origin !== session) Y.applyUpdate(doc, bytes(event.update), 'remote');
    }
  };
  catchUp();
  const awareness = collect<AwarenessEvent>(client, AWARENESS, { noteId, session });
  const [live] = await awareness.waitFor(1, 20_000);
  expect(live!.data!.noteAwareness).toMatchObject({ kind: 'LIVE', session });
  const text = doc.getText('body');
  return {
    doc,
    session,
    updates,
    awareness,
    catchUp,
    /** Types `insert` at `index` and sends the edit. */
    async type(index: number, insert: string) {
      const before = Y.encodeStateVector(doc);
      text.insert(index, insert);
      const applied = await graph.call(APPLY, { noteId, update: b64(Y.encodeStateAsUpdate(doc, before)), origin: session }, token);
      expect(applied.errors).toBeUndefined();
    },
    /** Publishes a caret at `index` of this tab's document. */
    async caretAt(index: number, name: string, color: string) {
      const position = b64(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, index)));
      const published = await graph.call(PUBLISH, { noteId, input: { session, name, color, cursor: { anchor: position, head: position } } }, token);
      expect(published.errors).toBeUndefined();
    },
    /** Where another session's cursor is in this tab's own document. */
    indexOf(cursor: { head: string }) {
      return Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(bytes(cursor.head)), doc)?.index;
    },
    async close() {
      await client.dispose();
    },
  };
}

async function createShared(ownerToken: string, userId: string, body: string) {
  const created = await graph.call(`mutation($input: CreateNoteInput!) { createNote(input: $input) { id } }`, { input: { title: 'Live', body } }, ownerToken);
  const noteId = created.data!.createNote.id as string;
  const shared = await graph.call(`mutation($n: ID!, $u: ID!) { shareNote(noteId: $n, userId: $u, role: EDITOR) { id } }`, { n: noteId, u: userId }, ownerToken);
  expect(shared.errors).toBeUndefined();
  return noteId;
}

describe('co-editor awareness through the gateway', () => {
  it('two editors see each other\'s cursors at the same place in their own documents, and see them leave', async () => {
    const ada = await graph.signUp('ada-presence@example.com');
    const bob = await graph.signUp('bob-presence@example.com');
    const noteId = await createShared(ada.token, bob.userId, 'Hello world');
    const a = await openTab(ada.token, noteId);
    const b = await openTab(bob.token, noteId);

    // Ada's caret after "Hello": Bob sees it there in his document.
    await a.caretAt(5, 'Ada', '#3366ff');
    const adaOnB = await nextMatching(b.awareness, (event) => event.noteAwareness?.kind === 'PRESENT' && event.noteAwareness.session === a.session);
    expect(adaOnB.data.noteAwareness).toMatchObject({ user: { id: ada.userId }, name: 'Ada', color: '#3366ff', expiresAt: expect.any(String) });
    expect(b.indexOf(adaOnB.data.noteAwareness!.cursor!)).toBe(5);

    // Bob types at the start: Ada's caret, a relative position, moves with the text it is attached to.
    await b.type(0, '>> ');
    await nextMatching(a.updates, (event) => event.noteUpdates?.origin === b.session);
    a.catchUp();
    expect(a.doc.getText('body').toString()).toBe('>> Hello world');
    expect(b.indexOf(adaOnB.data.noteAwareness!.cursor!)).toBe(8);

    await b.caretAt(3, 'Bob', '#ff6633');
    const bobOnA = await nextMatching(a.awareness, (event) => event.noteAwareness?.kind === 'PRESENT' && event.noteAwareness.session === b.session);
    expect(bobOnA.data.noteAwareness).toMatchObject({ user: { id: bob.userId }, name: 'Bob' });
    expect(a.indexOf(bobOnA.data.noteAwareness!.cursor!)).toBe(3);

    // Bob closes his tab: Ada hears he left.
    await b.close();
    const left = await nextMatching(a.awareness, (event) => event.noteAwareness?.kind === 'LEFT', bobOnA.index + 1);
    expect(left.data.noteAwareness).toMatchObject({ user: { id: bob.userId }, session: b.session });
    await a.close();
  });

  it('a reader sees cursors but may not publish one', async () => {
    const cleo = await graph.signUp('cleo-presence@example.com');
    const dan = await graph.signUp('dan-presence@example.com');
    const created = await graph.call(`mutation { createNote(input: { title: "Read", body: "read only" }) { id } }`, {}, cleo.token);
    const noteId = created.data!.createNote.id as string;
    await graph.call(`mutation($n: ID!, $u: ID!) { shareNote(noteId: $n, userId: $u, role: VIEWER) { id } }`, { n: noteId, u: dan.userId }, cleo.token);
    const reader = await openTab(dan.token, noteId);
    const owner = await openTab(cleo.token, noteId);
    expect(errorCodes(await graph.call(PUBLISH, { noteId, input: { session: reader.session, name: 'Dan', color: '#000000' } }, dan.token))).toEqual(['FORBIDDEN']);
    await owner.caretAt(0, 'Cleo', '#00aa00');
    const seen = await nextMatching(reader.awareness, (event) => event.noteAwareness?.kind === 'PRESENT');
    expect(seen.data.noteAwareness).toMatchObject({ user: { id: cleo.userId }, session: owner.session });
    await reader.close();
    await owner.close();
  });
});

describe('revoked access through the gateway', () => {
  it('unsharing ends the other editor\'s update and awareness streams with NOT_FOUND; their next update is refused', async () => {
    const eve = await graph.signUp('eve-presence@example.com');
    const fay = await graph.signUp('fay-presence@example.com');
    const noteId = await createShared(eve.token, fay.userId, 'together');
    const owner = await openTab(eve.token, noteId);
    const editor = await openTab(fay.token, noteId);
    await editor.caretAt(0, 'Fay', '#aa00aa');
    await nextMatching(owner.awareness, (event) => event.noteAwareness?.kind === 'PRESENT');

    const unshared = await graph.call(`mutation($n: ID!, $u: ID!) { unshareNote(noteId: $n, userId: $u) { id } }`, { n: noteId, u: fay.userId }, eve.token);
    expect(unshared.errors).toBeUndefined();
    for (const stream of [editor.updates, editor.awareness] as Collected<unknown>[]) {
      expect(await stream.ended).toEqual({ completed: true });
      const last = stream.results.at(-1)!;
      expect(errorCodes(last)).toEqual(['NOT_FOUND']);
      expect(last.errors![0]!.message).toContain('no longer');
    }
    // The owner sees Fay's cursor go.
    const left = await nextMatching(owner.awareness, (event) => event.noteAwareness?.kind === 'LEFT');
    expect(left.data.noteAwareness!.user).toEqual({ id: fay.userId });

    // A CRDT update from the user who lost access is refused and changes nothing.
    const before = Y.encodeStateVector(editor.doc);
    editor.doc.getText('body').insert(0, 'late ');
    const refused = await graph.call(APPLY, { noteId, update: b64(Y.encodeStateAsUpdate(editor.doc, before)) }, fay.token);
    expect(errorCodes(refused)).toEqual(['NOT_FOUND']);
    expect((await graph.call(`query($id: ID!) { note(id: $id) { body } }`, { id: noteId }, eve.token)).data!.note.body).toBe('together');

    // The owner's streams go on.
    await owner.type(0, 'still ');
    expect(owner.updates.results.some((result) => result.errors)).toBe(false);
    await editor.close();
    await owner.close();
  });
});
