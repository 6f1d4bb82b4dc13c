import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { decodeId, encodeId } from '@mosaic/kit';
import { errorCodes } from '@mosaic/testing';
import { notes } from '../src/data/tables';
import { CREATE, NOTE, NOTES_OF, newMember, startNotes, type NoteView, type NotesApp } from './harness';

let app: NotesApp;
let alice: Awaited<ReturnType<typeof newMember>>;
let bob: Awaited<ReturnType<typeof newMember>>;
let aliceNote: NoteView;
beforeAll(async () => {
  app = await startNotes();
  alice = await newMember(app);
  bob = await newMember(app);
  aliceNote = await alice.create({ title: 'Diary', body: 'secret thoughts', tags: ['private'] });
});
afterAll(() => app.close());

const storedRow = async (publicId: string) => {
  const [row] = await app.database.db().select().from(notes).where(eq(notes.id, decodeId('Note', publicId)));
  return row;
};

const NOTE_ENTITY = `query($id: ID!) { _entities(representations: [{ __typename: "Note", id: $id }]) { ... on Note { id title } } }`;

describe('anonymous callers', () => {
  it('are UNAUTHENTICATED everywhere, with nothing written', async () => {
    const before = (await app.database.db().select({ n: count() }).from(notes))[0]!.n;
    expect(errorCodes(await app.call(CREATE, { input: { title: 'x' } }))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await app.call(NOTE, { id: aliceNote.id }))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await app.call(NOTES_OF, { id: alice.publicId }))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await app.call(NOTE_ENTITY, { id: aliceNote.id }))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await app.call(`{ noteTags { name } }`))).toEqual(['UNAUTHENTICATED']);
    expect((await app.database.db().select({ n: count() }).from(notes))[0]!.n).toBe(before);
  });

  it('with an invalid or expired token get HTTP 401', async () => {
    const expired = await app.auth.tokenFor(alice.userId, { expiresInSeconds: -60 });
    for (const token of [expired, 'not.a.jwt']) {
      const result = await app.call(NOTE, { id: aliceNote.id }, token);
      expect(result.status).toBe(401);
      expect(errorCodes(result)).toEqual(['UNAUTHENTICATED']);
    }
  });
});

describe('another user', () => {
  it('cannot read the note: NOT_FOUND, exactly like a note that does not exist', async () => {
    const theirs = await app.call(NOTE, { id: aliceNote.id }, bob.token);
    const missing = await app.call(NOTE, { id: encodeId('Note', '01a21844-0000-7000-8000-000000000000') }, bob.token);
    expect(errorCodes(theirs)).toEqual(['NOT_FOUND']);
    expect(theirs.errors![0]!.message).toBe(missing.errors![0]!.message);
    expect(theirs.data).toEqual({ note: null });
  });

  it.each([
    ['updateNote', `mutation($id: ID!) { updateNote(id: $id, input: { title: "pwned" }) { id } }`],
    ['deleteNote', `mutation($id: ID!) { deleteNote(id: $id) }`],
    ['pinNote', `mutation($id: ID!) { pinNote(id: $id) { id } }`],
    ['unpinNote', `mutation($id: ID!) { unpinNote(id: $id) { id } }`],
    ['archiveNote', `mutation($id: ID!) { archiveNote(id: $id) { id } }`],
    ['unarchiveNote', `mutation($id: ID!) { unarchiveNote(id: $id) { id } }`],
    ['addNoteTags', `mutation($id: ID!) { addNoteTags(id: $id, tags: ["pwned"]) { id } }`],
    ['removeNoteTags', `mutation($id: ID!) { removeNoteTags(id: $id, tags: ["private"]) { id } }`],
  ])('cannot %s it: NOT_FOUND, and the note is untouched', async (_name, mutation) => {
    const before = await storedRow(aliceNote.id);
    expect(errorCodes(await app.call(mutation, { id: aliceNote.id }, bob.token))).toEqual(['NOT_FOUND']);
    expect(await storedRow(aliceNote.id)).toEqual(before);
  });

  it('cannot list them through _entities with the owner’s representation: FORBIDDEN', async () => {
    const result = await bob.notes({}, alice.publicId);
    expect(errorCodes(result)).toEqual(['FORBIDDEN']);
    expect(JSON.stringify(result.data)).not.toContain('Diary');
  });

  it('cannot resolve the note as an entity: null', async () => {
    expect((await app.call(NOTE_ENTITY, { id: aliceNote.id }, bob.token)).data).toEqual({ _entities: [null] });
    expect((await app.call(NOTE_ENTITY, { id: aliceNote.id }, alice.token)).data).toEqual({ _entities: [{ id: aliceNote.id, title: 'Diary' }] });
  });

  it('never sees them in their own list, search or tags', async () => {
    expect((await bob.list({ filter: { archived: null } })).totalCount).toBe(0);
    expect((await bob.list({ search: 'secret' })).edges).toEqual([]);
    expect((await app.call(`{ noteTags { name } }`, {}, bob.token)).data).toEqual({ noteTags: [] });
  });
});

describe('admins', () => {
  it('may list any user’s notes through _entities', async () => {
    const admin = await newMember(app, ['user', 'admin']);
    const connection = (await admin.notes({}, alice.publicId)).data!._entities[0].notes;
    expect(connection.edges.map((e: { node: { title: string } }) => e.node.title)).toEqual(['Diary']);
  });

  it('but not read or change another user’s note directly (notes are private to their owner)', async () => {
    const admin = await newMember(app, ['user', 'admin']);
    expect(errorCodes(await app.call(NOTE, { id: aliceNote.id }, admin.token))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await app.call(`mutation($id: ID!) { deleteNote(id: $id) }`, { id: aliceNote.id }, admin.token))).toEqual(['NOT_FOUND']);
  });
});

describe('scopes and ids', () => {
  it('a token without the notes scopes is FORBIDDEN', async () => {
    const scopeless = await app.auth.newUser([]);
    expect(errorCodes(await app.call(CREATE, { input: { title: 'x' } }, scopeless.token))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await app.call(NOTES_OF, { id: scopeless.publicId }, scopeless.token))).toEqual(['FORBIDDEN']);
  });

  it('an id of another type is BAD_USER_INPUT, never a lookup', async () => {
    const todoId = encodeId('Todo', decodeId('Note', aliceNote.id));
    const read = await app.call(NOTE, { id: todoId }, alice.token);
    expect(read.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    const entities = await app.call(NOTES_OF, { id: encodeId('Note', alice.userId) }, alice.token);
    expect(errorCodes(entities)).toEqual(['FORBIDDEN']);
    expect(errorCodes(await app.call(NOTE, { id: 'garbage' }, alice.token))).toEqual(['BAD_USER_INPUT']);
  });
});
