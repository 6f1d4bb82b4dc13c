import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTodos, type TodosApp } from './harness';

let app: TodosApp;
let owner: { userId: string; publicId: string; token: string };
let friend: { userId: string; publicId: string; token: string };
let projectId: string;
let labelId: string;

const CREATE = `mutation($input: CreateTodoInput!) { createTodo(input: $input) { id } }`;
const SAVE = `mutation($input: SavedFilterInput!) { createSavedFilter(input: $input) { id name due priority includeDone project { id } label { id } } }`;
const VIEW = `query($id: ID!) { savedFilter(id: $id) { name todos { totalCount edges { node { title } } } } }`;

async function ok(query: string, variables: Record<string, unknown>, token: string): Promise<Record<string, any>> {
  const result = await app.call(query, variables, token);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!;
}
const titles = (view: { todos: { edges: { node: { title: string } }[] } }) => view.todos.edges.map((edge) => edge.node.title);

beforeAll(async () => {
  app = await startTodos();
  app.clock.at = new Date('2026-12-01T12:00:00Z');
  owner = await app.newUser();
  friend = await app.newUser();
  labelId = (await ok(`mutation { createLabel(input: { name: "home" }) { id } }`, {}, owner.token)).createLabel.id;
  projectId = (await ok(`mutation { createProject(input: { name: "Shared" }) { id } }`, {}, friend.token)).createProject.id;
  await ok(`mutation($p: ID!, $u: ID!) { shareProject(projectId: $p, userId: $u, role: EDITOR) { id } }`, { p: projectId, u: owner.publicId }, friend.token);
  const todos = [
    { title: 'late', dueAt: '2026-11-30T09:00:00Z', priority: 'URGENT' },
    { title: 'this evening', dueAt: '2026-12-01T18:00:00Z', labelIds: [labelId] },
    { title: 'in three days', dueAt: '2026-12-04T09:00:00Z', priority: 'HIGH' },
    { title: 'in ten days', dueAt: '2026-12-11T09:00:00Z' },
    { title: 'someday' },
  ];
  for (const input of todos) await ok(CREATE, { input }, owner.token);
  await ok(CREATE, { input: { title: 'friend’s, tomorrow', dueAt: '2026-12-02T09:00:00Z', projectId } }, friend.token);
  await ok(CREATE, { input: { title: 'friend’s private, today', dueAt: '2026-12-01T15:00:00Z' } }, friend.token);
});
afterAll(() => app.close());

describe('saved filters', () => {
  it('keep views whose todos are worked out when read, own and shared-project todos alike', async () => {
    const views = {
      overdue: { name: 'Overdue', due: 'OVERDUE' },
      today: { name: 'Today', due: 'TODAY' },
      week: { name: 'Next 7 days', due: 'NEXT_7_DAYS' },
      home: { name: 'Home', labelId },
      urgent: { name: 'Urgent', priority: ['URGENT', 'HIGH'] },
      shared: { name: 'Shared project', projectId },
      undated: { name: 'No date', due: 'NO_DATE' },
    };
    const ids: Record<string, string> = {};
    for (const [key, input] of Object.entries(views)) ids[key] = (await ok(SAVE, { input }, owner.token)).createSavedFilter.id;
    const read = async (key: string) => (await ok(VIEW, { id: ids[key] }, owner.token)).savedFilter;
    expect(titles(await read('overdue'))).toEqual(['late']);
    expect(titles(await read('today'))).toEqual(['late', 'this evening']);
    expect(titles(await read('week'))).toEqual(['this evening', 'friend’s, tomorrow', 'in three days']);
    expect(titles(await read('home'))).toEqual(['this evening']);
    expect(titles(await read('urgent'))).toEqual(['late', 'in three days']);
    expect(titles(await read('shared'))).toEqual(['friend’s, tomorrow']);
    expect(titles(await read('undated'))).toEqual(['someday']);
    expect((await read('week')).todos.totalCount).toBe(3);
    // Time moves on: the same view shows what is due now.
    app.clock.at = new Date('2026-12-05T12:00:00Z');
    expect(titles(await read('overdue'))).toEqual(['late', 'this evening', 'friend’s, tomorrow', 'in three days']);
    app.clock.at = new Date('2026-12-01T12:00:00Z');
    const listed = (await ok('{ savedFilters { name } }', {}, owner.token)).savedFilters.map((f: { name: string }) => f.name);
    // Saved at one stopped instant here, so their order is by id only.
    expect([...listed].sort()).toEqual(Object.values(views).map((v) => v.name).sort());
  });

  it('are their owner’s alone, and bad input is refused', async () => {
    const saved = (await ok(SAVE, { input: { name: 'Mine', due: 'TODAY' } }, owner.token)).createSavedFilter.id;
    expect((await app.call(VIEW, { id: saved }, friend.token)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await app.call(`mutation($id: ID!) { deleteSavedFilter(id: $id) }`, { id: saved }, friend.token)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    for (const [input, field] of [
      [{ name: '' }, 'input.name'],
      [{ name: 'x', projectId: 'nope' }, 'input.projectId'],
      [{ name: 'x', labelId: projectId }, 'input.labelId'],
    ] as const) {
      const result = await app.call(SAVE, { input }, owner.token);
      expect(result.errors?.[0]?.extensions, JSON.stringify(input)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });
});

describe('saved filters across N views', () => {
  it('cost the same number of SQL statements for 2 views as for 10, each with its own conditions', async () => {
    const windows = ['OVERDUE', 'TODAY', 'NEXT_7_DAYS', 'NO_DATE', null];
    const userWith = async (views: number) => {
      const user = await app.newUser();
      for (let i = 0; i < 6; i++) await ok(CREATE, { input: { title: `t${i}`, dueAt: `2026-12-0${i + 1}T09:00:00Z`, priority: i % 2 ? 'HIGH' : 'LOW' } }, user.token);
      for (let i = 0; i < views; i++) await ok(SAVE, { input: { name: `v${i}`, due: windows[i % 5], priority: i % 2 ? ['HIGH'] : null } }, user.token);
      return user;
    };
    const statementsFor = async (user: { token: string }) => {
      app.counter.reset();
      const result = await app.call(`{ savedFilters { name todos(first: 3) { totalCount edges { node { title labels { name } } } } } }`, {}, user.token);
      expect(result.errors).toBeUndefined();
      return { statements: app.counter.count, views: result.data!.savedFilters as { name: string; todos: { totalCount: number; edges: { node: { title: string } }[] } }[] };
    };
    const two = await statementsFor(await userWith(2));
    const ten = await statementsFor(await userWith(10));
    expect(ten.statements).toBe(two.statements);
    expect(ten.views).toHaveLength(10);
    const byName = new Map(ten.views.map((view) => [view.name, view.todos]));
    expect(byName.get('v1')).toEqual({ totalCount: 0, edges: [] });
    expect(byName.get('v2')!.edges.map((e) => e.node.title)).toEqual(['t0', 't1', 't2']);
    expect(byName.get('v7')!.totalCount).toBe(3);
  });
});
