import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StatementCounter, errorCodes } from '@mosaic/testing';
import { newMember, startNotes, type NotesApp } from './harness';

const counter = new StatementCounter();
let app: NotesApp;
beforeAll(async () => {
  app = await startNotes({ onQuery: counter.observe });
});
afterAll(() => app.close());

const SHARE = `mutation($n: ID!, $u: ID!, $r: NoteShareRole!) { shareNote(noteId: $n, userId: $u, role: $r) { id } }`;
const SHARED_WITH_ME = `{ notesSharedWithMe { id title viewerAccess owner { id } shares { role } } }`;

async function sharedWith(count: number) {
  const reader = await newMember(app);
  const owner = await newMember(app);
  for (let i = 0; i < count; i++) {
    const note = await owner.create({ title: `shared ${i}` });
    expect((await app.call(SHARE, { n: note.id, u: reader.publicId, r: i % 2 ? 'EDITOR' : 'VIEWER' }, owner.token)).errors).toBeUndefined();
  }
  counter.reset();
  const result = await app.call(SHARED_WITH_ME, {}, reader.token);
  expect(result.errors).toBeUndefined();
  return { statements: counter.count, notes: result.data!.notesSharedWithMe as { title: string; viewerAccess: string; shares: unknown }[], reader, owner };
}

describe('sharing', () => {
  it('notesSharedWithMe for 2 notes and for 10 costs the same statements, with each note\'s access', async () => {
    const two = await sharedWith(2);
    const ten = await sharedWith(10);
    expect(ten.statements).toBe(two.statements);
    // One tenant binding and one query: the viewer's access comes with the rows.
    expect(ten.statements).toBe(2);
    expect(ten.notes).toHaveLength(10);
    expect(ten.notes[0]).toMatchObject({ title: 'shared 9', viewerAccess: 'EDITOR', shares: null });
    expect(ten.notes[1]).toMatchObject({ title: 'shared 8', viewerAccess: 'VIEWER' });
  });

  it('the owner lists shares of many notes in one statement; unsharing removes access', async () => {
    const { reader, owner } = await sharedWith(3);
    const withShares = `query($id: ID!) { _entities(representations: [{ __typename: "User", id: $id }]) { ... on User { notes(first: 10) { edges { node { id shares { user { id } role } } } } } } }`;
    counter.reset();
    const answer = await app.call(withShares, { id: owner.publicId }, owner.token);
    const statements = counter.count;
    const edges = answer.data!._entities[0].notes.edges as { node: { id: string; shares: { user: { id: string } }[] } }[];
    expect(edges).toHaveLength(3);
    for (const edge of edges) expect(edge.node.shares).toEqual([{ user: { id: reader.publicId }, role: expect.any(String) }]);
    // Page, then one batch of shares (each its own bound transaction).
    expect(statements).toBe(4);

    const noteId = edges[0]!.node.id;
    expect((await app.call(`mutation($n: ID!, $u: ID!) { unshareNote(noteId: $n, userId: $u) { shares { role } } }`, { n: noteId, u: reader.publicId }, owner.token)).data).toEqual({ unshareNote: { shares: [] } });
    expect(errorCodes(await app.call(`query($id: ID!) { note(id: $id) { id } }`, { id: noteId }, reader.token))).toEqual(['NOT_FOUND']);
  });
});
