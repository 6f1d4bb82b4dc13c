import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPLETE, startTodos, type TodosApp } from './harness';

let app: TodosApp;
let adminToken: string;
const users: { userId: string; publicId: string; token: string }[] = [];
beforeAll(async () => {
  app = await startTodos();
  adminToken = (await app.auth.newUser(['user', 'admin'])).token;
  for (let i = 0; i < 20; i++) {
    const user = await app.auth.newUser();
    users.push(user);
    for (let j = 0; j < 4; j++) {
      const todo = await app.create(user.token, { title: `u${i} t${j}`, dueAt: '2030-01-01T09:00:00Z', recurrence: 'FREQ=WEEKLY' });
      if (j === 0) await app.call(COMPLETE, { id: todo.id }, user.token);
    }
  }
});
afterAll(() => app.close());

/** What the gateway sends for `users { todos }` or `me { todos }`: one `_entities` call with N representations. */
const QUERY = `query($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on User {
      todos(first: 3) {
        totalCount
        edges { node { title owner { id } upcomingOccurrences(first: 2) completions { completedAt } } }
      }
      urgent: todos(first: 2, filter: { done: false }, orderBy: { field: PRIORITY, direction: DESC }) { edges { node { title } } }
    }
  }
}`;

async function statementsFor(count: number): Promise<{ statements: number; result: Record<string, any> }> {
  const representations = users.slice(0, count).map((user) => ({ __typename: 'User', id: user.publicId }));
  app.counter.reset();
  const result = await app.call(QUERY, { representations }, adminToken);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return { statements: app.counter.count, result: result.data! };
}

describe('User.todos across N users', () => {
  it('issues the same small number of SQL statements for 2 users as for 20', async () => {
    const two = await statementsFor(2);
    const twenty = await statementsFor(20);
    // One statement per list (two differently-argued lists), one for the counts, one for completions;
    // each runs in its own transaction under row-level security, opened by one tenant binding (set_config).
    expect(two.statements).toBe(8);
    expect(twenty.statements).toBe(two.statements);

    const entities = twenty.result._entities as { todos: { totalCount: number; edges: { node: { title: string; completions: unknown[] } }[] } }[];
    expect(entities).toHaveLength(20);
    entities.forEach((entity, i) => {
      expect(entity.todos.totalCount).toBe(4);
      expect(entity.todos.edges.map((edge) => edge.node.title)).toEqual([`u${i} t0`, `u${i} t1`, `u${i} t2`]);
      expect(entity.todos.edges[0]!.node.completions).toHaveLength(1);
    });
  });

  it('the plain list alone is one statement (after its tenant binding), whatever N', async () => {
    const plain = `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on User { todos(first: 3) { edges { node { title } } } } } }`;
    for (const count of [2, 20]) {
      const representations = users.slice(0, count).map((user) => ({ __typename: 'User', id: user.publicId }));
      app.counter.reset();
      const result = await app.call(plain, { representations }, adminToken);
      expect(result.errors).toBeUndefined();
      expect(app.counter.count).toBe(2);
    }
  });

  it('a user with no todos gets an empty connection', async () => {
    const result = await app.call(QUERY, { representations: [{ __typename: 'User', id: (await app.auth.newUser()).publicId }] }, adminToken);
    expect(result.data!._entities[0].todos).toEqual({ totalCount: 0, edges: [] });
  });
});
