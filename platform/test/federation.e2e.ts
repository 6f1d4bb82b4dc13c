import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grantRole } from '@mosaic/accounts';
import { currentRequestId, drizzleOver } from '@mosaic/kit';
import { errorCodes, graphql } from '@mosaic/testing';
import { startTestGraph, type TestGraph } from '../src/testing/test-graph';

/** Cross-subgraph behaviour through the gateway only: User from accounts, extended by todos and notes. */
const COUNTED_REQUEST = 'statement-count';
/** SQL statements per subgraph caused by the request `COUNTED_REQUEST` (background work has no request id). */
const statements: Record<string, number> = {};
let graph: TestGraph;
beforeAll(async () => {
  graph = await startTestGraph({
    onQuery: (subgraph) => {
      if (currentRequestId() === COUNTED_REQUEST) statements[subgraph] = (statements[subgraph] ?? 0) + 1;
    },
  });
});
afterAll(() => graph.close());

const CREATE_NOTE = `mutation($input: CreateNoteInput!) { createNote(input: $input) { id title } }`;

describe('one graph across subgraphs', () => {
  it('register → login → me { email todos notes(search) } resolves each field in its own subgraph', async () => {
    await graph.signUp('ines@example.com');
    const login = await graph.call(`mutation { login(input: { email: "ines@example.com", password: "velvet-otter-lantern" }) { accessToken refreshToken } }`);
    const token = login.data!.login.accessToken as string;
    expect(login.data!.login.refreshToken).toEqual(expect.any(String));
    for (const input of [{ title: 'Buy running shoes', priority: 'HIGH' }, { title: 'Stretch', recurrence: 'FREQ=DAILY', dueAt: '2030-01-01T07:00:00Z' }]) {
      expect((await graph.call(`mutation($input: CreateTodoInput!) { createTodo(input: $input) { id } }`, { input }, token)).errors).toBeUndefined();
    }
    for (const input of [
      { title: 'Running plan', body: 'Long runs on Sunday', tags: ['sport'] },
      { title: 'Groceries', body: 'Apples and bread', tags: ['home'] },
    ]) {
      expect((await graph.call(CREATE_NOTE, { input }, token)).errors).toBeUndefined();
    }
    const me = await graph.call(
      `{ me { email todos(orderBy: { field: CREATED_AT, direction: ASC }) { edges { node { title done } } } notes(search: "run") { edges { node { title tags } } } } }`,
      {},
      token,
    );
    expect(me.errors).toBeUndefined();
    expect(me.data).toEqual({
      me: {
        email: 'ines@example.com',
        todos: { edges: [{ node: { title: 'Buy running shoes', done: false } }, { node: { title: 'Stretch', done: false } }] },
        notes: { edges: [{ node: { title: 'Running plan', tags: ['sport'] } }] },
      },
    });
  });

  it('never shows one user another user\'s todos or notes', async () => {
    const owner = await graph.signUp('owner@example.com');
    const other = await graph.signUp('other@example.com');
    const created = await graph.call(CREATE_NOTE, { input: { title: 'Private' } }, owner.token);
    const id = created.data!.createNote.id as string;
    const read = await graph.call(`query($id: ID!) { note(id: $id) { title } }`, { id }, other.token);
    expect(read.data).toEqual({ note: null });
    expect(errorCodes(read)).toEqual(['NOT_FOUND']);
    const throughUser = await graph.call(`query($id: ID!) { user(id: $id) { displayName notes { edges { node { title } } } } }`, { id: owner.userId }, other.token);
    expect(errorCodes(throughUser)).toEqual(['FORBIDDEN']);
    const todo = await graph.call(`mutation { createTodo(input: { title: "Secret plan" }) { id } }`, {}, owner.token);
    const todoId = todo.data!.createTodo.id as string;
    expect(errorCodes(await graph.call(`query($id: ID!) { todo(id: $id) { title } }`, { id: todoId }, other.token))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await graph.call(`mutation($id: ID!) { deleteTodo(id: $id) }`, { id: todoId }, other.token))).toEqual(['NOT_FOUND']);
    const todosOfOwner = await graph.call(`query($id: ID!) { user(id: $id) { todos { edges { node { title } } } } }`, { id: owner.userId }, other.token);
    expect(errorCodes(todosOfOwner)).toEqual(['FORBIDDEN']);
  });

  it('lets errors from subgraphs reach the client with their codes (CONFLICT from accounts)', async () => {
    await graph.signUp('twice@example.com');
    const again = await graph.call(`mutation { register(input: { email: "TWICE@example.com", password: "velvet-otter-lantern" }) { accessToken } }`);
    expect(errorCodes(again)).toEqual(['CONFLICT']);
    expect(again.errors![0]!.message).toMatch(/already exists/);
  });
});

describe('no N+1 across the federation', () => {
  async function adminToken() {
    await graph.signUp('root@example.com').catch(() => undefined);
    await grantRole(drizzleOver(graph.client), 'root@example.com', 'admin');
    const login = await graph.call(`mutation { login(input: { email: "root@example.com", password: "velvet-otter-lantern" }) { accessToken } }`);
    return login.data!.login.accessToken as string;
  }

  async function statementsFor(token: string, first: number) {
    for (const key of Object.keys(statements)) delete statements[key];
    const result = await graphql(
      graph.gatewayUrl,
      `query($first: Int!) { users(first: $first) { edges { node { displayName todos(first: 3) { edges { node { title } } } notes(first: 3) { edges { node { title } } } } } } }`,
      { first },
      { token, headers: { 'x-request-id': COUNTED_REQUEST } },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.users.edges).toHaveLength(first);
    return { ...statements };
  }

  it('users → todos / notes costs the same number of SQL statements for 2 users and for 12', async () => {
    const token = await adminToken();
    for (let i = 0; i < 12; i++) {
      const user = await graph.signUp(`batch${i}@example.com`);
      await graph.call(CREATE_NOTE, { input: { title: `note ${i}` } }, user.token);
      await graph.call(`mutation($input: CreateTodoInput!) { createTodo(input: $input) { id } }`, { input: { title: `todo ${i}` } }, user.token);
    }
    const two = await statementsFor(token, 2);
    const twelve = await statementsFor(token, 12);
    expect(twelve).toEqual(two);
    expect(Object.keys(twelve).sort()).toEqual(['accounts', 'notes', 'todos']);
    for (const count of Object.values(twelve)) expect(count).toBeLessThanOrEqual(2);
  });
});
