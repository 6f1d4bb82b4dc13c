import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { decodeId, encodeId } from '@mosaic/kit';
import { errorCodes } from '@mosaic/testing';
import { notes } from '../src/data/tables';
import { CREATE, NOTE, NOTE_FIELDS, UPDATE, newMember, startNotes, type NoteView, type NotesApp } from './harness';

let app: NotesApp;
beforeAll(async () => {
  app = await startNotes();
});
afterAll(() => app.close());

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const noteCount = async () => (await app.database.db().select({ n: count() }).from(notes))[0]!.n;
const storedRow = async (publicId: string) => {
  const [row] = await app.database.db().select().from(notes).where(eq(notes.id, decodeId('Note', publicId)));
  return row;
};

describe('createNote', () => {
  it('creates a note with opaque ids, normalised tags, defaults and UTC timestamps', async () => {
    const ada = await newMember(app);
    const note = await ada.create({ title: '  Groceries  ', body: '- milk\n- eggs', tags: [' Home', 'SHOPPING', 'home'] });
    expect(note).toMatchObject({ title: 'Groceries', body: '- milk\n- eggs', tags: ['home', 'shopping'], pinned: false, archived: false, archivedAt: null });
    expect(note.owner.id).toBe(ada.publicId);
    expect(Buffer.from(note.id, 'base64url').toString()).toMatch(/^Note:[0-9a-f-]{36}$/);
    expect(note.createdAt).toMatch(ISO_UTC);
    expect(note.updatedAt).toBe(note.createdAt);

    const empty = await ada.create({});
    expect(empty).toMatchObject({ title: '', body: '', tags: [], pinned: false });
    const pinned = await ada.create({ title: 'Pinned at birth', pinned: true });
    expect(pinned.pinned).toBe(true);
  });

  it('reads a note back with note(id)', async () => {
    const ada = await newMember(app);
    const note = await ada.create({ title: 'Read me', body: 'text' });
    const read = await app.call(NOTE, { id: note.id }, ada.token);
    expect(read.errors).toBeUndefined();
    expect(read.data!.note).toEqual(note);
  });

  it('accepts the largest valid note: 200-character title, 100,000-character body, 20 tags', async () => {
    const ada = await newMember(app);
    const tags = Array.from({ length: 20 }, (_, i) => `tag-${i}`);
    const note = await ada.create({ title: '😀'.repeat(200), body: 'b'.repeat(100_000), tags });
    expect(note.tags).toEqual(tags);
    expect(note.body).toHaveLength(100_000);
  });

  it.each([
    ['a 201-character title', { title: 't'.repeat(201) }, 'input.title'],
    ['a title with a line break', { title: 'two\nlines' }, 'input.title'],
    ['a 100,001-character body', { body: 'b'.repeat(100_001) }, 'input.body'],
    ['a body with a NUL character', { body: 'nul \u0000 here' }, 'input.body'],
    ['21 tags', { tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }, 'input.tags'],
    ['a tag with a space', { tags: ['fine', 'not fine'] }, 'input.tags.1'],
    ['a blank tag', { tags: ['   '] }, 'input.tags.0'],
    ['a 51-character tag', { tags: ['x'.repeat(51)] }, 'input.tags.0'],
  ])('refuses %s with BAD_USER_INPUT naming the field, and writes nothing', async (_case, input, field) => {
    const ada = await newMember(app);
    const before = await noteCount();
    const result = await app.call(CREATE, { input }, ada.token);
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors![0]!.extensions!.field).toBe(field);
    expect(result.errors![0]!.message).toMatch(new RegExp(`^${field.replace('.', '\\.')}: `));
    expect(await noteCount()).toBe(before);
  });
});

describe('updateNote', () => {
  it('changes only the given fields and moves updatedAt forward', async () => {
    const ada = await newMember(app);
    const note = await ada.create({ title: 'Draft', body: 'first body', tags: ['a'] });
    const result = await app.call(UPDATE, { id: note.id, input: { title: 'Final' } }, ada.token);
    expect(result.errors).toBeUndefined();
    const updated = result.data!.updateNote as NoteView;
    expect(updated).toMatchObject({ id: note.id, title: 'Final', body: 'first body', tags: ['a'], createdAt: note.createdAt });
    expect(updated.updatedAt > note.updatedAt).toBe(true);

    const retagged = (await app.call(UPDATE, { id: note.id, input: { tags: ['B', 'c'], body: '' } }, ada.token)).data!.updateNote;
    expect(retagged).toMatchObject({ title: 'Final', body: '', tags: ['b', 'c'] });
  });

  it('gives every write a distinct, increasing updatedAt, even within one millisecond', async () => {
    const ada = await newMember(app);
    const note = await ada.create({ title: 'v0' });
    app.clock.offsetMs = -60_000; // a clock behind the stored value must not move the version back
    try {
      const versions = [note.updatedAt];
      for (const title of ['v1', 'v2', 'v3']) {
        versions.push((await app.call(UPDATE, { id: note.id, input: { title } }, ada.token)).data!.updateNote.updatedAt);
      }
      expect([...versions].sort()).toEqual(versions);
      expect(new Set(versions).size).toBe(versions.length);
    } finally {
      app.clock.offsetMs = 0;
    }
  });

  it('with expectedUpdatedAt: writes when the note is unchanged, else CONFLICT with the current version and nothing written', async () => {
    const ada = await newMember(app);
    const note = await ada.create({ title: 'Shared', body: 'original' });

    const mine = await app.call(UPDATE, { id: note.id, input: { body: 'edit from laptop', expectedUpdatedAt: note.updatedAt } }, ada.token);
    expect(mine.errors).toBeUndefined();
    const current = mine.data!.updateNote as NoteView;

    const stale = await app.call(UPDATE, { id: note.id, input: { body: 'edit from phone', expectedUpdatedAt: note.updatedAt } }, ada.token);
    expect(errorCodes(stale)).toEqual(['CONFLICT']);
    expect(stale.errors![0]!.extensions).toMatchObject({ field: 'input.expectedUpdatedAt', currentUpdatedAt: current.updatedAt });
    expect((await storedRow(note.id))!.body).toBe('edit from laptop');

    const retried = await app.call(UPDATE, { id: note.id, input: { body: 'merged', expectedUpdatedAt: current.updatedAt } }, ada.token);
    expect(retried.data!.updateNote.body).toBe('merged');
    // Any offset names the same instant.
    const offset = new Date(retried.data!.updateNote.updatedAt).toISOString().replace('Z', '+00:00');
    expect(errorCodes(await app.call(UPDATE, { id: note.id, input: { title: 'x', expectedUpdatedAt: offset } }, ada.token))).toEqual([]);
  });

  it('without expectedUpdatedAt (or with null) the last write wins', async () => {
    const ada = await newMember(app);
    const note = await ada.create({ title: 'Loose' });
    await app.call(UPDATE, { id: note.id, input: { body: 'one' } }, ada.token);
    const result = await app.call(UPDATE, { id: note.id, input: { body: 'two', expectedUpdatedAt: null } }, ada.token);
    expect(result.data!.updateNote.body).toBe('two');
  });

  it('pinning counts as a change for optimistic concurrency', async () => {
    const ada = await newMember(app);
    const note = await ada.create({ title: 'Versioned' });
    await app.call(`mutation($id: ID!) { pinNote(id: $id) { id } }`, { id: note.id }, ada.token);
    const stale = await app.call(UPDATE, { id: note.id, input: { title: 'late', expectedUpdatedAt: note.updatedAt } }, ada.token);
    expect(errorCodes(stale)).toEqual(['CONFLICT']);
  });

  it.each([
    ['null for a field', { title: null }, 'input.title'],
    ['nothing to change', {}, 'input'],
    ['nothing to change but a version', { expectedUpdatedAt: '2026-01-01T00:00:00Z' }, 'input'],
    ['an oversize body', { body: 'b'.repeat(100_001) }, 'input.body'],
    ['an invalid tag', { tags: ['ok', 'c++'] }, 'input.tags.1'],
  ])('refuses %s with BAD_USER_INPUT and leaves the note as it was', async (_case, input, field) => {
    const ada = await newMember(app);
    const note = await ada.create({ title: 'Keep', body: 'keep', tags: ['keep'] });
    const before = await storedRow(note.id);
    const result = await app.call(UPDATE, { id: note.id, input }, ada.token);
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors![0]!.extensions!.field).toBe(field);
    expect(await storedRow(note.id)).toEqual(before);
  });

  it('refuses an id of another type (a Todo id) as BAD_USER_INPUT, and an unknown note as NOT_FOUND', async () => {
    const ada = await newMember(app);
    const note = await ada.create({ title: 'Typed' });
    const todoId = encodeId('Todo', decodeId('Note', note.id));
    const wrongType = await app.call(UPDATE, { id: todoId, input: { title: 'x' } }, ada.token);
    expect(errorCodes(wrongType)).toEqual(['BAD_USER_INPUT']);
    expect(wrongType.errors![0]!.extensions!.field).toBe('id');
    const missing = await app.call(UPDATE, { id: encodeId('Note', '01a21844-0000-7000-8000-000000000000'), input: { title: 'x' } }, ada.token);
    expect(errorCodes(missing)).toEqual(['NOT_FOUND']);
    expect((await storedRow(note.id))!.title).toBe('Typed');
  });
});

describe('deleteNote', () => {
  it('deletes for good and returns the id; a second delete is NOT_FOUND', async () => {
    const ada = await newMember(app);
    const note = await ada.create({ title: 'Temporary' });
    const DELETE = `mutation($id: ID!) { deleteNote(id: $id) }`;
    expect((await app.call(DELETE, { id: note.id }, ada.token)).data).toEqual({ deleteNote: note.id });
    expect(await storedRow(note.id)).toBeUndefined();
    expect(errorCodes(await app.call(NOTE, { id: note.id }, ada.token))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await app.call(DELETE, { id: note.id }, ada.token))).toEqual(['NOT_FOUND']);
  });
});

describe('pin and archive', () => {
  const PIN = `mutation($id: ID!) { pinNote(id: $id) { ${NOTE_FIELDS} } }`;
  const UNPIN = `mutation($id: ID!) { unpinNote(id: $id) { ${NOTE_FIELDS} } }`;
  const ARCHIVE = `mutation($id: ID!) { archiveNote(id: $id) { ${NOTE_FIELDS} } }`;
  const UNARCHIVE = `mutation($id: ID!) { unarchiveNote(id: $id) { ${NOTE_FIELDS} } }`;

  it('pins and unpins; repeating either changes nothing, not even updatedAt', async () => {
    const ada = await newMember(app);
    const note = await ada.create({ title: 'Pin me' });
    const pinned = (await app.call(PIN, { id: note.id }, ada.token)).data!.pinNote as NoteView;
    expect(pinned.pinned).toBe(true);
    expect(pinned.updatedAt > note.updatedAt).toBe(true);
    const again = (await app.call(PIN, { id: note.id }, ada.token)).data!.pinNote as NoteView;
    expect(again).toEqual(pinned);
    const unpinned = (await app.call(UNPIN, { id: note.id }, ada.token)).data!.unpinNote as NoteView;
    expect(unpinned.pinned).toBe(false);
    expect((await app.call(UNPIN, { id: note.id }, ada.token)).data!.unpinNote).toEqual(unpinned);
  });

  it('archives (keeping the first archive time), hides from the default list, and brings back', async () => {
    const ada = await newMember(app);
    const note = await ada.create({ title: 'Old stuff' });
    const archived = (await app.call(ARCHIVE, { id: note.id }, ada.token)).data!.archiveNote as NoteView;
    expect(archived).toMatchObject({ archived: true });
    expect(archived.archivedAt).toMatch(ISO_UTC);
    expect((await app.call(ARCHIVE, { id: note.id }, ada.token)).data!.archiveNote).toEqual(archived);

    expect((await ada.list()).edges).toHaveLength(0);
    expect((await ada.list({ filter: { archived: true } })).edges.map((e) => e.node.id)).toEqual([note.id]);
    expect((await ada.list({ filter: { archived: null } })).totalCount).toBe(1);

    const back = (await app.call(UNARCHIVE, { id: note.id }, ada.token)).data!.unarchiveNote as NoteView;
    expect(back).toMatchObject({ archived: false, archivedAt: null });
    expect((await ada.list()).edges.map((e) => e.node.id)).toEqual([note.id]);
  });
});

describe('tags', () => {
  const ADD = `mutation($id: ID!, $tags: [String!]!) { addNoteTags(id: $id, tags: $tags) { tags updatedAt } }`;
  const REMOVE = `mutation($id: ID!, $tags: [String!]!) { removeNoteTags(id: $id, tags: $tags) { tags updatedAt } }`;
  const TAGS = `{ noteTags { name count } }`;

  it('adds normalised tags after the existing ones and ignores ones already there', async () => {
    const ada = await newMember(app);
    const note = await ada.create({ tags: ['work'] });
    const added = (await app.call(ADD, { id: note.id, tags: ['Urgent', 'WORK', ' q3 '] }, ada.token)).data!.addNoteTags;
    expect(added.tags).toEqual(['work', 'urgent', 'q3']);
    const same = (await app.call(ADD, { id: note.id, tags: ['urgent'] }, ada.token)).data!.addNoteTags;
    expect(same).toEqual(added);
  });

  it('removes tags, ignoring ones the note does not have', async () => {
    const ada = await newMember(app);
    const note = await ada.create({ tags: ['a', 'b', 'c'] });
    const removed = (await app.call(REMOVE, { id: note.id, tags: ['B', 'zzz'] }, ada.token)).data!.removeNoteTags;
    expect(removed.tags).toEqual(['a', 'c']);
  });

  it('refuses to go past 20 tags or to add an invalid one, writing nothing', async () => {
    const ada = await newMember(app);
    const note = await ada.create({ tags: Array.from({ length: 19 }, (_, i) => `t${i}`) });
    const before = await storedRow(note.id);
    const tooMany = await app.call(ADD, { id: note.id, tags: ['x', 'y'] }, ada.token);
    expect(errorCodes(tooMany)).toEqual(['BAD_USER_INPUT']);
    expect(tooMany.errors![0]!.extensions!.field).toBe('tags');
    const invalid = await app.call(ADD, { id: note.id, tags: ['bad tag'] }, ada.token);
    expect(invalid.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'tags.0' });
    expect(await storedRow(note.id)).toEqual(before);
    expect((await app.call(ADD, { id: note.id, tags: ['x'] }, ada.token)).data!.addNoteTags.tags).toHaveLength(20);
  });

  it('concurrent additions both land (the row is locked while tags change)', async () => {
    const ada = await newMember(app);
    const note = await ada.create({});
    await Promise.all(['a', 'b', 'c', 'd', 'e'].map((tag) => app.call(ADD, { id: note.id, tags: [tag] }, ada.token)));
    expect([...(await storedRow(note.id))!.tags].sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('lists the viewer’s tags with counts, most used first, archived notes not counted', async () => {
    const ada = await newMember(app);
    await ada.create({ tags: ['work', 'urgent'] });
    await ada.create({ tags: ['work'] });
    await ada.create({ tags: ['home', 'work'] });
    const archived = await ada.create({ tags: ['home', 'old'] });
    await app.call(`mutation($id: ID!) { archiveNote(id: $id) { id } }`, { id: archived.id }, ada.token);
    const other = await newMember(app);
    await other.create({ tags: ['work', 'secret'] });

    const result = await app.call(TAGS, {}, ada.token);
    expect(result.data!.noteTags).toEqual([
      { name: 'work', count: 3 },
      { name: 'home', count: 1 },
      { name: 'urgent', count: 1 },
    ]);
  });
});
