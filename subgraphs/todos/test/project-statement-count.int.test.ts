import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTodos, type TodosApp } from './harness';

let app: TodosApp;
let token: string;
const projectIds: string[] = [];

async function ok(query: string, variables: Record<string, unknown>): Promise<Record<string, any>> {
  const result = await app.call(query, variables, token);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!;
}

beforeAll(async () => {
  app = await startTodos();
  const owner = await app.newUser();
  const friend = await app.newUser();
  token = owner.token;
  const label = (await ok(`mutation { createLabel(input: { name: "home" }) { id } }`, {})).createLabel.id;
  for (let i = 0; i < 10; i++) {
    const id = (await ok(`mutation($n: String!) { createProject(input: { name: $n }) { id } }`, { n: `p${i}` })).createProject.id;
    projectIds.push(id);
    await ok(`mutation($p: ID!, $u: ID!) { shareProject(projectId: $p, userId: $u, role: EDITOR) { id } }`, { p: id, u: friend.publicId });
    await ok(`mutation($p: ID!) { a: createSection(projectId: $p, name: "a") { id } b: createSection(projectId: $p, name: "b") { id } }`, { p: id });
    for (let j = 0; j < 2; j++) {
      const todo = (await ok(`mutation($input: CreateTodoInput!) { createTodo(input: $input) { id } }`, { input: { title: `t${i}.${j}`, projectId: id, labelIds: [label] } })).createTodo.id;
      await ok(`mutation($input: CreateTodoInput!) { createTodo(input: $input) { id } }`, { input: { title: `s${i}.${j}`, parentId: todo } });
      await ok(`mutation($t: ID!) { addTodoComment(todoId: $t, body: "c") { id } }`, { t: todo });
      await ok(`mutation($t: ID!) { addReminder(input: { todoId: $t, remindAt: "2999-01-01T00:00:00Z" }) { id } }`, { t: todo });
    }
  }
});
afterAll(() => app.close());

const QUERY = `query($r: [_Any!]!) {
  _entities(representations: $r) {
    ... on Project {
      name role owner { id }
      sections { name }
      members { user { id } role }
      todos(first: 5) {
        totalCount
        edges { node { title project { name } section { name } labels { name } comments { body } reminders { fireAt } subtasks { title parent { title } labels { name } } } }
      }
    }
  }
}`;

async function statementsFor(count: number) {
  app.counter.reset();
  const data = await ok(QUERY, { r: projectIds.slice(0, count).map((id) => ({ __typename: 'Project', id })) });
  return { statements: app.counter.count, data };
}

describe('Project relations across N projects', () => {
  it('cost the same number of SQL statements for 2 projects as for 10', async () => {
    const two = await statementsFor(2);
    const ten = await statementsFor(10);
    expect(ten.statements).toBe(two.statements);
    // Each loader batch is one statement plus its tenant binding; the total stays small.
    expect(two.statements).toBeLessThanOrEqual(30);
    const projects = ten.data._entities as { name: string; members: unknown[]; sections: unknown[]; todos: { totalCount: number; edges: { node: { subtasks: { title: string; parent: { title: string } }[]; labels: unknown[]; comments: unknown[]; reminders: unknown[] } }[] } }[];
    expect(projects).toHaveLength(10);
    projects.forEach((project, i) => {
      expect(project.name).toBe(`p${i}`);
      expect(project.members).toHaveLength(2);
      expect(project.sections).toHaveLength(2);
      expect(project.todos.totalCount).toBe(2);
      for (const [j, edge] of project.todos.edges.entries()) {
        expect(edge.node.subtasks).toEqual([{ title: `s${i}.${j}`, parent: { title: `t${i}.${j}` }, labels: [] }]);
        expect(edge.node.labels).toHaveLength(1);
        expect(edge.node.comments).toHaveLength(1);
        expect(edge.node.reminders).toHaveLength(1);
      }
    });
  });
});
