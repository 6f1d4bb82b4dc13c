import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StatementCounter, errorCodes } from '@mosaic/testing';
import { newMember, startNotes, type NotesApp } from './harness';

const counter = new StatementCounter();
let app: NotesApp;
beforeAll(async () => {
  app = await startNotes({ onQuery: counter.observe });
});
afterAll(() => app.close());

const CREATE = `mutation($input: CreateNotebookInput!) { createNotebook(input: $input) { id name parent { id } } }`;
const MOVE = `mutation($id: ID!, $parentId: ID) { moveNotebook(id: $id, parentId: $parentId) { id parent { id } } }`;
const MOVE_NOTE = `mutation($id: ID!, $notebookId: ID) { moveNote(id: $id, notebookId: $notebookId) { id notebook { id name } } }`;
const TREE = `{ notebooks { id name parent { id } children { name } } }`;

type Member = Awaited<ReturnType<typeof newMember>>;

async function notebook(member: Member, name: string, parentId?: string) {
  const result = await app.call(CREATE, { input: { name, parentId } }, member.token);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!.createNotebook.id as string;
}

describe('notebooks', () => {
  it('nest, list as a tree, file notes and list a notebook\'s notes', async () => {
    const ada = await newMember(app);
    const work = await notebook(ada, 'Work');
    const projects = await notebook(ada, 'Projects', work);
    await notebook(ada, 'archive', work);
    const tree = (await app.call(TREE, {}, ada.token)).data!.notebooks as { id: string; name: string; parent: { id: string } | null; children: { name: string }[] }[];
    expect(tree.map((n) => n.name)).toEqual(['archive', 'Projects', 'Work']);
    expect(tree.find((n) => n.name === 'Work')).toMatchObject({ parent: null, children: [{ name: 'archive' }, { name: 'Projects' }] });
    expect(tree.find((n) => n.name === 'Projects')!.parent).toEqual({ id: work });

    const note = await ada.create({ title: 'Roadmap' });
    await ada.create({ title: 'Loose' });
    expect((await app.call(MOVE_NOTE, { id: note.id, notebookId: projects }, ada.token)).data!.moveNote.notebook).toEqual({ id: projects, name: 'Projects' });
    expect((await ada.list({ filter: { notebookId: projects } })).edges.map((e) => e.node.title)).toEqual(['Roadmap']);
    expect((await app.call(MOVE_NOTE, { id: note.id, notebookId: null }, ada.token)).data!.moveNote.notebook).toBeNull();
    expect((await ada.list({ filter: { notebookId: projects } })).edges).toEqual([]);
  });

  it('refuses cycles and too deep nesting, and changes nothing', async () => {
    const ada = await newMember(app);
    const a = await notebook(ada, 'A');
    const b = await notebook(ada, 'B', a);
    const c = await notebook(ada, 'C', b);
    for (const [id, parentId] of [[a, a], [a, b], [a, c]]) {
      const refused = await app.call(MOVE, { id, parentId }, ada.token);
      expect(refused.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'parentId' });
    }
    expect(((await app.call(TREE, {}, ada.token)).data!.notebooks as { name: string; parent: { id: string } | null }[]).map((n) => [n.name, n.parent?.id ?? null])).toEqual([['A', null], ['B', a], ['C', b]]);
    // Moving C to the top level and A under C is fine: no cycle.
    expect((await app.call(MOVE, { id: c, parentId: null }, ada.token)).errors).toBeUndefined();
    expect((await app.call(MOVE, { id: a, parentId: c }, ada.token)).data!.moveNotebook.parent).toEqual({ id: c });

    let deepest = await notebook(ada, 'level 1');
    for (let level = 2; level <= 10; level++) deepest = await notebook(ada, `level ${level}`, deepest);
    const tooDeep = await app.call(CREATE, { input: { name: 'level 11', parentId: deepest } }, ada.token);
    expect(tooDeep.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.parentId' });
    // A subtree two deep does not fit under level 9 either.
    const two = await notebook(ada, 'two');
    await notebook(ada, 'two/inner', two);
    const level9 = ((await app.call(TREE, {}, ada.token)).data!.notebooks as { id: string; name: string }[]).find((n) => n.name === 'level 9')!.id;
    expect(errorCodes(await app.call(MOVE, { id: two, parentId: level9 }, ada.token))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await app.call(CREATE, { input: { name: '  ' } }, ada.token))).toEqual(['BAD_USER_INPUT']);
  });

  it('someone else\'s notebooks and notes are NOT_FOUND; the notebook of a shared note stays the owner\'s', async () => {
    const ada = await newMember(app);
    const eve = await newMember(app);
    const adas = await notebook(ada, 'Private');
    const eves = await notebook(eve, 'Mine');
    const note = await ada.create({ title: 'Filed' });
    await app.call(MOVE_NOTE, { id: note.id, notebookId: adas }, ada.token);
    expect(errorCodes(await app.call(MOVE_NOTE, { id: note.id, notebookId: eves }, ada.token))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await app.call(MOVE_NOTE, { id: note.id, notebookId: null }, eve.token))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await app.call(MOVE, { id: eves, parentId: adas }, eve.token))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await app.call(CREATE, { input: { name: 'x', parentId: adas } }, eve.token))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await app.call(`mutation($id: ID!) { deleteNotebook(id: $id) }`, { id: adas }, eve.token))).toEqual(['NOT_FOUND']);
    await app.call(`mutation($n: ID!, $u: ID!) { shareNote(noteId: $n, userId: $u, role: VIEWER) { id } }`, { n: note.id, u: eve.publicId }, ada.token);
    expect((await app.call(`query($id: ID!) { note(id: $id) { title notebook { id } } }`, { id: note.id }, eve.token)).data!.note).toEqual({ title: 'Filed', notebook: null });
  });

  it('deleting a notebook deletes those inside it and keeps their notes, unfiled', async () => {
    const ada = await newMember(app);
    const top = await notebook(ada, 'Top');
    const inner = await notebook(ada, 'Inner', top);
    const note = await ada.create({ title: 'Kept' });
    await app.call(MOVE_NOTE, { id: note.id, notebookId: inner }, ada.token);
    expect((await app.call(`mutation($id: ID!) { deleteNotebook(id: $id) }`, { id: top }, ada.token)).data).toEqual({ deleteNotebook: top });
    expect((await app.call(TREE, {}, ada.token)).data!.notebooks).toEqual([]);
    expect((await app.call(`query($id: ID!) { note(id: $id) { title notebook { id } } }`, { id: note.id }, ada.token)).data!.note).toEqual({ title: 'Kept', notebook: null });
  });

  it('the tree with children and notes\' notebooks costs the same statements for 2 notebooks and for 10', async () => {
    const statementsFor = async (count: number) => {
      const ada = await newMember(app);
      for (let i = 0; i < count; i++) {
        const parent = await notebook(ada, `p${i}`);
        await notebook(ada, `c${i}`, parent);
        const note = await ada.create({ title: `n${i}` });
        await app.call(MOVE_NOTE, { id: note.id, notebookId: parent }, ada.token);
      }
      counter.reset();
      const tree = await app.call(TREE, {}, ada.token);
      const listed = await app.call(`query($id: ID!) { _entities(representations: [{ __typename: "User", id: $id }]) { ... on User { notes(first: 50) { edges { node { notebook { name parent { name } } } } } } } }`, { id: ada.publicId }, ada.token);
      expect(tree.errors ?? listed.errors).toBeUndefined();
      expect(tree.data!.notebooks).toHaveLength(count * 2);
      return counter.count;
    };
    expect(await statementsFor(10)).toBe(await statementsFor(2));
  });
});
