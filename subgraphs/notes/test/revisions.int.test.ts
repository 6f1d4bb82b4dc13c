import * as Y from 'yjs';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeId } from '@mosaic/kit';
import { StatementCounter, errorCodes } from '@mosaic/testing';
import { noteRevisions } from '../src/data/tables';
import { newMember, startNotes, type NotesApp } from './harness';

const counter = new StatementCounter();
let app: NotesApp;
beforeAll(async () => {
  // Defaults for the interval (10 minutes); a one-day retention, so the clock can pass it.
  app = await startNotes({ onQuery: counter.observe, env: { NOTES_REVISION_RETENTION_DAYS: '1' } });
});
afterAll(() => app.close());

const MINUTE = 60_000;
const UPDATE = `mutation($id: ID!, $input: UpdateNoteInput!) { updateNote(id: $id, input: $input) { body } }`;
const REVISIONS = `query($id: ID!, $first: Int, $before: ID) { note(id: $id) { revisions(first: $first, before: $before) { id title body author { id } } } }`;
const DIFF = `query($from: ID!, $to: ID) { noteRevisionDiff(from: $from, to: $to) { from { body } to { body } title { kind value } body { kind value } unifiedBody } }`;
const RESTORE = `mutation($id: ID!) { restoreNoteRevision(revisionId: $id) { title body } }`;
const SHARE = `mutation($n: ID!, $u: ID!, $r: NoteShareRole!) { shareNote(noteId: $n, userId: $u, role: $r) { id } }`;

interface RevisionView {
  id: string;
  title: string;
  body: string;
  author: { id: string };
}

async function revisions(id: string, token: string, variables: Record<string, unknown> = {}) {
  const result = await app.call(REVISIONS, { id, ...variables }, token);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!.note.revisions as RevisionView[] | null;
}

describe('revision history', () => {
  it('one revision per burst of edits; a new one after the interval; newest first, paged with `before`', async () => {
    const ada = await newMember(app);
    const note = await ada.create({ title: 'Soup', body: 'v1' });
    await app.call(UPDATE, { id: note.id, input: { body: 'v1 typo' } }, ada.token);
    await app.call(UPDATE, { id: note.id, input: { body: 'v1 fixed' } }, ada.token);
    expect((await revisions(note.id, ada.token))!.map((r) => r.body)).toEqual(['v1 fixed']);

    app.clock.offsetMs += 11 * MINUTE;
    await app.call(UPDATE, { id: note.id, input: { body: 'v2' } }, ada.token);
    app.clock.offsetMs += 11 * MINUTE;
    await app.call(UPDATE, { id: note.id, input: { title: 'Tomato soup', body: 'v3' } }, ada.token);
    const all = (await revisions(note.id, ada.token))!;
    expect(all.map((r) => [r.title, r.body])).toEqual([['Tomato soup', 'v3'], ['Soup', 'v2'], ['Soup', 'v1 fixed']]);
    expect(all[0]!.author.id).toBe(ada.publicId);
    expect((await revisions(note.id, ada.token, { first: 1, before: all[0]!.id }))!.map((r) => r.body)).toEqual(['v2']);
    expect(errorCodes(await app.call(REVISIONS, { id: note.id, first: 0 }, ada.token))).toEqual(['BAD_USER_INPUT']);
  });

  it('diffs two revisions, or one with the note now; restores one as a new revision', async () => {
    const ada = await newMember(app);
    const note = await ada.create({ title: 'Plan', body: 'one\ntwo\n' });
    app.clock.offsetMs += 11 * MINUTE;
    await app.call(UPDATE, { id: note.id, input: { title: 'Plan ahead', body: 'one\nthree\n' } }, ada.token);
    const [newer, older] = (await revisions(note.id, ada.token))!;

    const diff = (await app.call(DIFF, { from: older!.id, to: newer!.id }, ada.token)).data!.noteRevisionDiff;
    expect(diff.body).toEqual([
      { kind: 'UNCHANGED', value: 'one\n' },
      { kind: 'REMOVED', value: 'two\n' },
      { kind: 'ADDED', value: 'three\n' },
    ]);
    expect(diff.title).toEqual([{ kind: 'UNCHANGED', value: 'Plan ' }, { kind: 'ADDED', value: 'ahead' }]);
    expect(diff.unifiedBody).toContain('-two\n+three');
    const againstNow = (await app.call(DIFF, { from: older!.id }, ada.token)).data!.noteRevisionDiff;
    expect(againstNow.to).toBeNull();
    expect(againstNow.body).toEqual(diff.body);
    expect(againstNow.unifiedBody).toContain('+++ note.md\tnow');

    app.clock.offsetMs += 11 * MINUTE;
    expect((await app.call(RESTORE, { id: older!.id }, ada.token)).data).toEqual({ restoreNoteRevision: { title: 'Plan', body: 'one\ntwo\n' } });
    expect((await revisions(note.id, ada.token))!.map((r) => r.body)).toEqual(['one\ntwo\n', 'one\nthree\n', 'one\ntwo\n']);
  });

  it('refuses bad diffs and restores, and hides history from readers and strangers', async () => {
    const ada = await newMember(app);
    const editor = await newMember(app);
    const reader = await newMember(app);
    const note = await ada.create({ body: 'a' });
    const other = await ada.create({ body: 'b' });
    await app.call(SHARE, { n: note.id, u: editor.publicId, r: 'EDITOR' }, ada.token);
    await app.call(SHARE, { n: note.id, u: reader.publicId, r: 'VIEWER' }, ada.token);
    const [revision] = (await revisions(note.id, ada.token))!;
    const [otherRevision] = (await revisions(other.id, ada.token))!;

    expect((await app.call(DIFF, { from: revision!.id, to: revision!.id }, ada.token)).errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
    expect((await app.call(DIFF, { from: revision!.id, to: otherRevision!.id }, ada.token)).errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
    expect(errorCodes(await app.call(RESTORE, { id: revision!.id }, editor.token))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await app.call(RESTORE, { id: otherRevision!.id }, editor.token))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await app.call(DIFF, { from: revision!.id }, reader.token))).toEqual(['NOT_FOUND']);
    expect(await revisions(note.id, reader.token)).toBeNull();
    expect(await revisions(note.id, editor.token)).toHaveLength(1);
  });

  it('a co-editor\'s live edits are revisions by them', async () => {
    const ada = await newMember(app);
    const bob = await newMember(app);
    const note = await ada.create({ body: 'start' });
    await app.call(SHARE, { n: note.id, u: bob.publicId, r: 'EDITOR' }, ada.token);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Buffer.from((await app.call(`query($n: ID!) { noteDocument(noteId: $n) { update } }`, { n: note.id }, bob.token)).data!.noteDocument.update, 'base64'));
    const before = Y.encodeStateVector(doc);
    doc.getText('body').insert(5, ' here');
    const update = Buffer.from(Y.encodeStateAsUpdate(doc, before)).toString('base64');
    expect((await app.call(`mutation($n: ID!, $u: String!) { applyNoteUpdate(noteId: $n, update: $u) { note { body } } }`, { n: note.id, u: update }, bob.token)).errors).toBeUndefined();
    expect((await revisions(note.id, ada.token))!.map((r) => [r.body, r.author.id])).toEqual([['start here', bob.publicId], ['start', ada.publicId]]);
  });

  it('keeps revisions within the retention: older ones are not listed, and go with the next write', async () => {
    const ada = await newMember(app);
    const note = await ada.create({ body: 'old' });
    const stored = async () => (await app.database.db().select({ n: count() }).from(noteRevisions).where(eq(noteRevisions.noteId, decodeId('Note', note.id))))[0]!.n;
    app.clock.offsetMs += 2 * 24 * 60 * MINUTE;
    expect(await revisions(note.id, ada.token)).toEqual([]);
    expect(await stored()).toBe(1);
    await app.call(UPDATE, { id: note.id, input: { body: 'new' } }, ada.token);
    expect((await revisions(note.id, ada.token))!.map((r) => r.body)).toEqual(['new']);
    expect(await stored()).toBe(1);
  });

  it('revisions of 2 notes and of 10 cost the same statements', async () => {
    const ada = await newMember(app);
    for (let i = 0; i < 10; i++) await ada.create({ title: `n${i}`, body: `b${i}` });
    const listed = `query($id: ID!, $first: Int) { _entities(representations: [{ __typename: "User", id: $id }]) { ... on User { notes(first: $first) { edges { node { revisions(first: 5) { body author { id } } } } } } } }`;
    const statementsFor = async (first: number) => {
      counter.reset();
      const result = await app.call(listed, { id: ada.publicId, first }, ada.token);
      expect(result.errors).toBeUndefined();
      expect(result.data!._entities[0].notes.edges).toHaveLength(first);
      return counter.count;
    };
    // Each resolver reads a later instant, as on a loaded machine: the list must still be one batch.
    app.clock.tickMs = 1;
    try {
      expect(await statementsFor(10)).toBe(await statementsFor(2));
    } finally {
      app.clock.tickMs = 0;
    }
  });
});
