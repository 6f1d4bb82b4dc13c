import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { decodeId, encodeId, uuidv7 } from '@mosaic/kit';
import { errorCodes } from '@mosaic/testing';
import { todos } from '../src/data/tables';
import { COMPLETE, DELETE, ENTITIES, GET, LIST, MOVE, REOPEN, UPDATE, startTodos, type TodosApp, type TodoView } from './harness';

let app: TodosApp;
let alice: { userId: string; publicId: string; token: string };
let bob: { userId: string; publicId: string; token: string };
let admin: { userId: string; publicId: string; token: string };
let aliceTodo: TodoView;
let bobTodo: TodoView;
beforeAll(async () => {
  app = await startTodos();
  alice = await app.auth.newUser();
  bob = await app.auth.newUser();
  admin = await app.auth.newUser(['user', 'admin']);
  aliceTodo = await app.create(alice.token, { title: 'Alice’s secret plan', dueAt: '2030-01-01T00:00:00Z' });
  bobTodo = await app.create(bob.token, { title: 'Bob’s errand' });
});
afterAll(() => app.close());

const aliceRow = async () => (await app.database.db().select().from(todos).where(eq(todos.id, decodeId('Todo', aliceTodo.id))))[0];

describe('another user’s todo', () => {
  it('is NOT_FOUND for every operation, exactly like a todo that does not exist, and stays unchanged', async () => {
    const before = await aliceRow();
    const missing = encodeId('Todo', uuidv7());
    const attempts: [string, (id: string) => Record<string, unknown>][] = [
      [GET, (id) => ({ id })],
      [UPDATE, (id) => ({ id, input: { title: 'Bob was here' } })],
      [COMPLETE, (id) => ({ id })],
      [REOPEN, (id) => ({ id })],
      [DELETE, (id) => ({ id })],
      [MOVE, (id) => ({ id, afterId: bobTodo.id })],
    ];
    for (const [query, variables] of attempts) {
      const foreign = await app.call(query, variables(aliceTodo.id), bob.token);
      const absent = await app.call(query, variables(missing), bob.token);
      expect(errorCodes(foreign)).toEqual(['NOT_FOUND']);
      // Same shape either way, so an id reveals nothing (the message names the id that was sent).
      expect(foreign.errors![0]!.message.replace(aliceTodo.id, '<id>')).toBe(absent.errors![0]!.message.replace(missing, '<id>'));
      expect(foreign.errors![0]!.extensions).toEqual(absent.errors![0]!.extensions);
    }
    expect(await aliceRow()).toEqual(before);
  });

  it('admins cannot read or change it through todo(id) either', async () => {
    expect(errorCodes(await app.call(GET, { id: aliceTodo.id }, admin.token))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await app.call(UPDATE, { id: aliceTodo.id, input: { title: 'x' } }, admin.token))).toEqual(['NOT_FOUND']);
  });

  it('never shows up in the viewer’s own list', async () => {
    const list = await app.call(LIST, {}, bob.token);
    expect(list.data!.todos.edges.map((e: { node: { title: string } }) => e.node.title)).toEqual(['Bob’s errand']);
    expect(list.data!.todos.totalCount).toBe(1);
  });
});

describe('_entities', () => {
  const userRep = (id: string) => ({ __typename: 'User', id });

  it('User.todos is FORBIDDEN for someone else’s user, and no todo leaks', async () => {
    const result = await app.call(ENTITIES, { representations: [userRep(alice.publicId)] }, bob.token);
    expect(errorCodes(result)).toEqual(['FORBIDDEN']);
    expect(JSON.stringify(result.data)).not.toContain('secret');
  });

  it('each representation is checked on its own: the viewer’s own user resolves beside a refused one', async () => {
    const result = await app.call(ENTITIES, { representations: [userRep(bob.publicId), userRep(alice.publicId)] }, bob.token);
    expect(errorCodes(result)).toEqual(['FORBIDDEN']);
    expect(result.data!._entities[0].todos.edges.map((e: { node: { title: string } }) => e.node.title)).toEqual(['Bob’s errand']);
    // User.todos is guarded, hence nullable: the refusal is null at that field, not a lost entity.
    expect(result.data!._entities[1]).toEqual({ id: alice.publicId, todos: null });
  });

  it('the owner and admins can read a user’s todos; anonymous callers cannot', async () => {
    for (const token of [alice.token, admin.token]) {
      const result = await app.call(ENTITIES, { representations: [userRep(alice.publicId)] }, token);
      expect(result.errors).toBeUndefined();
      expect(result.data!._entities[0].todos.edges.map((e: { node: { title: string } }) => e.node.title)).toEqual(['Alice’s secret plan']);
    }
    expect(errorCodes(await app.call(ENTITIES, { representations: [userRep(alice.publicId)] }))).toEqual(['UNAUTHENTICATED']);
  });

  it('a User representation with a non-User id is refused', async () => {
    const noteId = encodeId('Note', alice.userId);
    expect(errorCodes(await app.call(ENTITIES, { representations: [userRep(noteId)] }, bob.token))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await app.call(ENTITIES, { representations: [userRep(noteId)] }, admin.token))).toEqual(['BAD_USER_INPUT']);
  });

  it('a Todo reference resolves for its owner only', async () => {
    const query = `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Todo { title owner { id } } } }`;
    const representations = [{ __typename: 'Todo', id: aliceTodo.id }];
    expect((await app.call(query, { representations }, alice.token)).data!._entities).toEqual([{ title: 'Alice’s secret plan', owner: { id: alice.publicId } }]);
    for (const token of [bob.token, admin.token]) {
      const result = await app.call(query, { representations }, token);
      expect(result.data!._entities).toEqual([null]);
    }
    expect(errorCodes(await app.call(query, { representations }))).toEqual(['UNAUTHENTICATED']);
  });
});
