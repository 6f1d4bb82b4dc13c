import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTodos, type TodosApp } from './harness';

let app: TodosApp;
let owner: { userId: string; publicId: string; token: string };
beforeAll(async () => {
  app = await startTodos();
  owner = await app.auth.newUser();
});
afterAll(() => app.close());

const PROJECT_FIELDS = 'id name color inbox role owner { id } sections { id name } members { user { id } role }';
const PROJECTS = `{ projects { ${PROJECT_FIELDS} } }`;
const CREATE_PROJECT = `mutation($input: CreateProjectInput!) { createProject(input: $input) { ${PROJECT_FIELDS} } }`;
const CREATE_SECTION = `mutation($projectId: ID!, $name: String!) { createSection(projectId: $projectId, name: $name) { id name project { id } } }`;
const CREATE = `mutation($input: CreateTodoInput!) { createTodo(input: $input) { id title done project { id name } section { id } parent { id } labels { id name color } } }`;
const GET = `query($id: ID!) { todo(id: $id) { id done project { id } section { id } parent { id } subtasks { id title done } labels { name } comments { body author { id } } } }`;
const PROJECT_TODOS = `query($id: ID!) { project(id: $id) { todos { totalCount edges { node { id title subtasks { title } } } } } }`;
const COMPLETE = `mutation($id: ID!) { completeTodo(id: $id) { id done } }`;
const NEST = `mutation($id: ID!, $parentId: ID) { setTodoParent(id: $id, parentId: $parentId) { id parent { id } project { id } } }`;
const CREATE_LABEL = `mutation($input: LabelInput!) { createLabel(input: $input) { id name color } }`;
const COMMENT = `mutation($todoId: ID!, $body: String!) { addTodoComment(todoId: $todoId, body: $body) { id body author { id } } }`;

async function ok<T = Record<string, any>>(query: string, variables: Record<string, unknown>, token: string): Promise<T> {
  const result = await app.call(query, variables, token);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data as T;
}

describe('projects and sections', () => {
  it('gives every user one Inbox, where todos go by default', async () => {
    const user = await app.auth.newUser();
    const [first, second] = await Promise.all([ok(PROJECTS, {}, user.token), ok(PROJECTS, {}, user.token)]);
    expect(first.projects).toHaveLength(1);
    expect(first.projects[0]).toMatchObject({ name: 'Inbox', inbox: true, role: 'OWNER', owner: { id: user.publicId }, members: [{ user: { id: user.publicId }, role: 'OWNER' }] });
    expect(second.projects[0].id).toBe(first.projects[0].id);
    const todo = (await ok(CREATE, { input: { title: 'Buy milk' } }, user.token)).createTodo;
    expect(todo.project).toEqual({ id: first.projects[0].id, name: 'Inbox' });
  });

  it('puts todos into a project and a section of it, listed top-level in the project', async () => {
    const project = (await ok(CREATE_PROJECT, { input: { name: ' Home ', color: '#DB4035' } }, owner.token)).createProject;
    expect(project).toMatchObject({ name: 'Home', color: '#db4035', inbox: false, role: 'OWNER' });
    const section = (await ok(CREATE_SECTION, { projectId: project.id, name: 'Kitchen' }, owner.token)).createSection;
    expect(section.project.id).toBe(project.id);
    const todo = (await ok(CREATE, { input: { title: 'Descale the kettle', projectId: project.id, sectionId: section.id } }, owner.token)).createTodo;
    expect(todo).toMatchObject({ project: { id: project.id }, section: { id: section.id } });
    const sub = (await ok(CREATE, { input: { title: 'Buy descaler', parentId: todo.id } }, owner.token)).createTodo;
    expect(sub).toMatchObject({ project: { id: project.id }, parent: { id: todo.id } });
    const listed = (await ok(PROJECT_TODOS, { id: project.id }, owner.token)).project.todos;
    expect(listed.totalCount).toBe(1);
    expect(listed.edges[0].node).toMatchObject({ title: 'Descale the kettle', subtasks: [{ title: 'Buy descaler' }] });
  });

  it('refuses a section of another project, names and colours out of range, and the Inbox being deleted', async () => {
    const a = (await ok(CREATE_PROJECT, { input: { name: 'A' } }, owner.token)).createProject;
    const b = (await ok(CREATE_PROJECT, { input: { name: 'B' } }, owner.token)).createProject;
    const sectionOfB = (await ok(CREATE_SECTION, { projectId: b.id, name: 'Later' }, owner.token)).createSection;
    const before = await app.rowCount();
    const cases: [string, Record<string, unknown>, string][] = [
      [CREATE, { input: { title: 'x', projectId: a.id, sectionId: sectionOfB.id } }, 'input.sectionId'],
      [CREATE, { input: { title: 'x', projectId: 'nonsense' } }, 'input.projectId'],
      [CREATE_PROJECT, { input: { name: '' } }, 'input.name'],
      [CREATE_PROJECT, { input: { name: 'x'.repeat(121) } }, 'input.name'],
      [CREATE_PROJECT, { input: { name: 'ok', color: 'red' } }, 'input.color'],
      [CREATE_SECTION, { projectId: a.id, name: 'two\nlines' }, 'name'],
    ];
    for (const [query, variables, field] of cases) {
      const result = await app.call(query, variables, owner.token);
      expect(result.errors?.[0]?.extensions, JSON.stringify(variables)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect(await app.rowCount()).toBe(before);
    const inbox = (await ok(PROJECTS, {}, owner.token)).projects.find((p: { inbox: boolean }) => p.inbox);
    const deletion = await app.call(`mutation($id: ID!) { deleteProject(id: $id) }`, { id: inbox.id }, owner.token);
    expect(deletion.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('deletes a project with its sections and todos', async () => {
    const project = (await ok(CREATE_PROJECT, { input: { name: 'Temporary' } }, owner.token)).createProject;
    const todo = (await ok(CREATE, { input: { title: 'goes', projectId: project.id } }, owner.token)).createTodo;
    expect((await ok(`mutation($id: ID!) { deleteProject(id: $id) }`, { id: project.id }, owner.token)).deleteProject).toBe(project.id);
    expect((await app.call(GET, { id: todo.id }, owner.token)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await app.call(`query($id: ID!) { project(id: $id) { id } }`, { id: project.id }, owner.token)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('subtasks', () => {
  it('completing a parent completes its open subtasks, all the way down', async () => {
    const parent = (await ok(CREATE, { input: { title: 'Move house' } }, owner.token)).createTodo;
    const child = (await ok(CREATE, { input: { title: 'Pack', parentId: parent.id } }, owner.token)).createTodo;
    const grandchild = (await ok(CREATE, { input: { title: 'Buy boxes', parentId: child.id } }, owner.token)).createTodo;
    await ok(COMPLETE, { id: parent.id }, owner.token);
    expect((await ok(GET, { id: child.id }, owner.token)).todo.done).toBe(true);
    expect((await ok(GET, { id: grandchild.id }, owner.token)).todo.done).toBe(true);
  });

  it('refuses to move a todo under itself or its own descendant, changing nothing', async () => {
    const top = (await ok(CREATE, { input: { title: 'Top' } }, owner.token)).createTodo;
    const mid = (await ok(CREATE, { input: { title: 'Mid', parentId: top.id } }, owner.token)).createTodo;
    const leaf = (await ok(CREATE, { input: { title: 'Leaf', parentId: mid.id } }, owner.token)).createTodo;
    for (const parentId of [top.id, mid.id, leaf.id]) {
      const result = await app.call(NEST, { id: top.id, parentId }, owner.token);
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'parentId' });
      expect(result.errors?.[0]?.message).toMatch(/itself or of one of its own subtasks/);
    }
    expect((await ok(GET, { id: top.id }, owner.token)).todo.parent).toBeNull();
    // Re-parenting inside the tree the other way round is fine, and so is making it top-level again.
    expect((await ok(NEST, { id: leaf.id, parentId: top.id }, owner.token)).setTodoParent.parent.id).toBe(top.id);
    expect((await ok(NEST, { id: leaf.id, parentId: null }, owner.token)).setTodoParent.parent).toBeNull();
  });

  it('a subtask moved under a parent in another project follows it there with its own subtasks', async () => {
    const elsewhere = (await ok(CREATE_PROJECT, { input: { name: 'Elsewhere' } }, owner.token)).createProject;
    const parent = (await ok(CREATE, { input: { title: 'P', projectId: elsewhere.id } }, owner.token)).createTodo;
    const moving = (await ok(CREATE, { input: { title: 'M' } }, owner.token)).createTodo;
    const under = (await ok(CREATE, { input: { title: 'U', parentId: moving.id } }, owner.token)).createTodo;
    expect((await ok(NEST, { id: moving.id, parentId: parent.id }, owner.token)).setTodoParent.project.id).toBe(elsewhere.id);
    expect((await ok(GET, { id: under.id }, owner.token)).todo.project.id).toBe(elsewhere.id);
  });
});

describe('labels and comments', () => {
  it('labels are the user’s own, unique ignoring case, many per todo', async () => {
    const home = (await ok(CREATE_LABEL, { input: { name: 'home', color: '#299438' } }, owner.token)).createLabel;
    const errands = (await ok(CREATE_LABEL, { input: { name: 'errands' } }, owner.token)).createLabel;
    expect(home).toMatchObject({ name: 'home', color: '#299438' });
    const duplicate = await app.call(CREATE_LABEL, { input: { name: 'HOME' } }, owner.token);
    expect(duplicate.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.name' });
    const spaced = await app.call(CREATE_LABEL, { input: { name: 'two words' } }, owner.token);
    expect(spaced.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
    const todo = (await ok(CREATE, { input: { title: 'Post a parcel', labelIds: [home.id, errands.id] } }, owner.token)).createTodo;
    expect(todo.labels.map((l: { name: string }) => l.name)).toEqual(['errands', 'home']);
    const filtered = await ok(`query($f: TodoFilter) { todos(filter: $f) { edges { node { id } } } }`, { f: { labelId: errands.id } }, owner.token);
    expect(filtered.todos.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([todo.id]);
    const relabel = await ok(`mutation($id: ID!, $input: UpdateTodoInput!) { updateTodo(id: $id, input: $input) { labels { name } } }`, { id: todo.id, input: { labelIds: [home.id] } }, owner.token);
    expect(relabel.updateTodo.labels).toEqual([{ name: 'home' }]);
    // Someone else's label cannot be put on a todo.
    const stranger = await app.auth.newUser();
    const theirs = (await ok(CREATE_LABEL, { input: { name: 'theirs' } }, stranger.token)).createLabel;
    const refused = await app.call(CREATE, { input: { title: 'x', labelIds: [theirs.id] } }, owner.token);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.labelIds' });
    expect((await ok(`{ labels { name } }`, {}, stranger.token)).labels).toEqual([{ name: 'theirs' }]);
  });

  it('comments on a todo, oldest first; bad bodies are refused', async () => {
    const todo = (await ok(CREATE, { input: { title: 'Discuss' } }, owner.token)).createTodo;
    await ok(COMMENT, { todoId: todo.id, body: 'first' }, owner.token);
    await ok(COMMENT, { todoId: todo.id, body: 'second' }, owner.token);
    expect((await ok(GET, { id: todo.id }, owner.token)).todo.comments).toEqual([
      { body: 'first', author: { id: owner.publicId } },
      { body: 'second', author: { id: owner.publicId } },
    ]);
    const empty = await app.call(COMMENT, { todoId: todo.id, body: '   ' }, owner.token);
    expect(empty.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'body' });
    const stranger = await app.auth.newUser();
    const foreign = await app.call(COMMENT, { todoId: todo.id, body: 'hi' }, stranger.token);
    expect(foreign.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
