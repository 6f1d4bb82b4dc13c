import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeId, uuidv7 } from '@mosaic/kit';
import { startTodos, type TodosApp } from './harness';

let app: TodosApp;
type User = { userId: string; publicId: string; token: string };
let owner: User, admin: User, editor: User, viewer: User, outsider: User;
let projectId: string;
let ownersTodo: string;

const SHARE = `mutation($p: ID!, $u: ID!, $r: ProjectRole!) { shareProject(projectId: $p, userId: $u, role: $r) { id members { user { id } role } } }`;
const UNSHARE = `mutation($p: ID!, $u: ID!) { unshareProject(projectId: $p, userId: $u) { id members { user { id } } } }`;
const PROJECT = `query($id: ID!) { project(id: $id) { id name role todos { edges { node { id title owner { id } } } } } }`;
const CREATE = `mutation($input: CreateTodoInput!) { createTodo(input: $input) { id } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateTodoInput!) { updateTodo(id: $id, input: $input) { id title } }`;
const GET = `query($id: ID!) { todo(id: $id) { id title project { id } } }`;

async function ok(query: string, variables: Record<string, unknown>, token: string): Promise<Record<string, any>> {
  const result = await app.call(query, variables, token);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!;
}

beforeAll(async () => {
  app = await startTodos();
  [owner, admin, editor, viewer, outsider] = (await Promise.all([1, 2, 3, 4, 5].map(() => app.newUser()))) as [User, User, User, User, User];
  projectId = (await ok(`mutation { createProject(input: { name: "Household" }) { id } }`, {}, owner.token)).createProject.id;
  ownersTodo = (await ok(CREATE, { input: { title: 'Fix the tap', projectId } }, owner.token)).createTodo.id;
  await ok(SHARE, { p: projectId, u: admin.publicId, r: 'ADMIN' }, owner.token);
  await ok(SHARE, { p: projectId, u: editor.publicId, r: 'EDITOR' }, admin.token);
  await ok(SHARE, { p: projectId, u: viewer.publicId, r: 'VIEWER' }, admin.token);
});
afterAll(() => app.close());

describe('sharing a project', () => {
  it('lists the members as User references with their roles, the owner first', async () => {
    const data = await ok(`query($id: ID!) { project(id: $id) { members { user { id } role } } }`, { id: projectId }, viewer.token);
    expect(data.project.members).toEqual([
      { user: { id: owner.publicId }, role: 'OWNER' },
      { user: { id: admin.publicId }, role: 'ADMIN' },
      { user: { id: editor.publicId }, role: 'EDITOR' },
      { user: { id: viewer.publicId }, role: 'VIEWER' },
    ]);
    expect((await ok('{ projects { id role } }', {}, editor.token)).projects).toContainEqual({ id: projectId, role: 'EDITOR' });
  });

  it('members see the project’s todos; an editor adds and changes them; a viewer only reads', async () => {
    const editorsTodo = (await ok(CREATE, { input: { title: 'Buy washers', projectId } }, editor.token)).createTodo.id;
    const seen = (await ok(PROJECT, { id: projectId }, viewer.token)).project.todos.edges.map((e: { node: { title: string } }) => e.node.title);
    expect(seen).toEqual(['Fix the tap', 'Buy washers']);
    expect((await ok(UPDATE, { id: ownersTodo, input: { title: 'Fix the kitchen tap' } }, editor.token)).updateTodo.title).toBe('Fix the kitchen tap');
    expect((await ok(GET, { id: editorsTodo }, owner.token)).todo.project.id).toBe(projectId);

    const write = await app.call(UPDATE, { id: ownersTodo, input: { title: 'viewer was here' } }, viewer.token);
    expect(write.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const add = await app.call(CREATE, { input: { title: 'viewer adds', projectId } }, viewer.token);
    expect(add.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect(add.errors?.[0]?.message).toMatch(/VIEWER.*OWNER or ADMIN or EDITOR/);
    expect((await ok(GET, { id: ownersTodo }, viewer.token)).todo.title).toBe('Fix the kitchen tap');
    // A viewer may still comment.
    expect((await ok(`mutation($t: ID!) { addTodoComment(todoId: $t, body: "Looks leaky") { body } }`, { t: ownersTodo }, viewer.token)).addTodoComment.body).toBe('Looks leaky');
  });

  it('is NOT_FOUND for everyone else, exactly like a project that does not exist', async () => {
    const missing = encodeId('Project', uuidv7());
    for (const id of [projectId, missing]) {
      const result = await app.call(PROJECT, { id }, outsider.token);
      expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      const share = await app.call(SHARE, { p: id, u: editor.publicId, r: 'VIEWER' }, outsider.token);
      expect(share.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
    expect((await app.call(GET, { id: ownersTodo }, outsider.token)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await app.call(CREATE, { input: { title: 'x', projectId } }, outsider.token)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const entities = await ok(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Project { id } ... on Todo { id } } }`, { r: [{ __typename: 'Project', id: projectId }, { __typename: 'Todo', id: ownersTodo }] }, outsider.token);
    expect(entities._entities).toEqual([null, null]);
  });

  it('enforces who may grant what, and refuses bad user ids, yourself and the Inbox', async () => {
    const cases: [User, Record<string, unknown>, string, string?][] = [
      [admin, { p: projectId, u: outsider.publicId, r: 'ADMIN' }, 'FORBIDDEN', 'role'],
      [editor, { p: projectId, u: outsider.publicId, r: 'VIEWER' }, 'FORBIDDEN'],
      [owner, { p: projectId, u: outsider.publicId, r: 'OWNER' }, 'FORBIDDEN', 'role'],
      [admin, { p: projectId, u: owner.publicId, r: 'VIEWER' }, 'CONFLICT', 'userId'],
      [owner, { p: projectId, u: 'not-a-user', r: 'VIEWER' }, 'BAD_USER_INPUT', 'userId'],
      [owner, { p: projectId, u: encodeId('Todo', uuidv7()), r: 'VIEWER' }, 'BAD_USER_INPUT', 'userId'],
      [owner, { p: projectId, u: owner.publicId, r: 'VIEWER' }, 'BAD_USER_INPUT', 'userId'],
    ];
    for (const [who, variables, code, field] of cases) {
      const result = await app.call(SHARE, variables, who.token);
      expect(result.errors?.[0]?.extensions, JSON.stringify(variables)).toMatchObject({ code, ...(field ? { field } : {}) });
    }
    const inbox = (await ok('{ projects { id inbox } }', {}, owner.token)).projects.find((p: { inbox: boolean }) => p.inbox).id;
    const result = await app.call(SHARE, { p: inbox, u: outsider.publicId, r: 'VIEWER' }, owner.token);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'projectId' });
    const members = (await ok(`query($id: ID!) { project(id: $id) { members { role } } }`, { id: projectId }, owner.token)).project.members;
    expect(members.map((m: { role: string }) => m.role)).toEqual(['OWNER', 'ADMIN', 'EDITOR', 'VIEWER']);
  });

  it('a removed member loses access; anyone but the owner may leave', async () => {
    const leaver = await app.newUser();
    await ok(SHARE, { p: projectId, u: leaver.publicId, r: 'EDITOR' }, owner.token);
    expect((await ok(PROJECT, { id: projectId }, leaver.token)).project.role).toBe('EDITOR');
    await ok(UNSHARE, { p: projectId, u: leaver.publicId }, leaver.token);
    expect((await app.call(PROJECT, { id: projectId }, leaver.token)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await app.call(GET, { id: ownersTodo }, leaver.token)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const ownerLeaves = await app.call(UNSHARE, { p: projectId, u: owner.publicId }, owner.token);
    expect(ownerLeaves.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const viewerRemoves = await app.call(UNSHARE, { p: projectId, u: editor.publicId }, viewer.token);
    expect(viewerRemoves.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
