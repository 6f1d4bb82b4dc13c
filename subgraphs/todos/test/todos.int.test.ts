import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { decodeId, encodeId, uuidv7 } from '@mosaic/kit';
import { errorCodes } from '@mosaic/testing';
import { todos } from '../src/data/tables';
import { CREATE, DELETE, GET, LIST, UPDATE, startTodos, type TodosApp } from './harness';

let app: TodosApp;
let alice: { userId: string; publicId: string; token: string };
beforeAll(async () => {
  app = await startTodos();
  alice = await app.auth.newUser();
});
afterAll(() => app.close());

const rowOf = async (publicId: string) => (await app.database.db().select().from(todos).where(eq(todos.id, decodeId('Todo', publicId))))[0];

describe('createTodo', () => {
  it('stores every field, with an opaque id, the owner and defaults', async () => {
    const todo = await app.create(alice.token, {
      title: '  Buy oat milk  ',
      description: 'The barista kind.\nTwo cartons.',
      dueAt: '2030-05-01T09:00:00+02:00',
      priority: 'HIGH',
    });
    expect(todo).toMatchObject({
      title: 'Buy oat milk',
      description: 'The barista kind.\nTwo cartons.',
      done: false,
      completedAt: null,
      dueAt: '2030-05-01T07:00:00.000Z',
      priority: 'HIGH',
      recurrence: null,
      owner: { id: alice.publicId },
    });
    expect(decodeId('Todo', todo.id)).toMatch(/^[0-9a-f-]{36}$/);
    expect(todo.createdAt).toBe(todo.updatedAt);

    const minimal = await app.create(alice.token, { title: 'Call mum', description: '' });
    expect(minimal).toMatchObject({ description: null, dueAt: null, priority: 'NONE' });
    // New todos go to the end of the manual order.
    expect(minimal.position).toBeGreaterThan(todo.position);

    const read = await app.call(GET, { id: todo.id }, alice.token);
    expect(read.data!.todo).toEqual(todo);
  });

  it('counts characters, not UTF-16 units: 500 emoji are a valid title', async () => {
    const todo = await app.create(alice.token, { title: '🎉'.repeat(500) });
    expect([...todo.title]).toHaveLength(500);
  });

  it.each([
    ['an empty title', { title: '' }, 'input.title'],
    ['a blank title', { title: '   ' }, 'input.title'],
    ['an oversize title', { title: 'x'.repeat(501) }, 'input.title'],
    ['a title with a line break', { title: 'one\ntwo' }, 'input.title'],
    ['an oversize description', { title: 't', description: 'd'.repeat(10_001) }, 'input.description'],
    ['a NUL in the description', { title: 't', description: 'a\u0000b' }, 'input.description'],
    ['a due date in 1900', { title: 't', dueAt: '1900-01-01T00:00:00Z' }, 'input.dueAt'],
    ['a null priority', { title: 't', priority: null }, 'input.priority'],
    ['an unknown RRULE frequency', { title: 't', recurrence: 'FREQ=SOMETIMES' }, 'input.recurrence'],
    ['an RRULE that is not NAME=VALUE', { title: 't', recurrence: 'every monday' }, 'input.recurrence'],
    ['an RRULE with a bad COUNT', { title: 't', recurrence: 'FREQ=DAILY;COUNT=x' }, 'input.recurrence'],
    ['an RRULE with an unknown weekday', { title: 't', recurrence: 'FREQ=WEEKLY;BYDAY=XX' }, 'input.recurrence'],
    ['an RRULE with an unsupported frequency', { title: 't', recurrence: 'FREQ=MINUTELY' }, 'input.recurrence'],
    ['an RRULE with COUNT and UNTIL', { title: 't', recurrence: 'FREQ=DAILY;COUNT=2;UNTIL=20300101T000000Z' }, 'input.recurrence'],
    ['an RRULE that never occurs', { title: 't', recurrence: 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30' }, 'input.recurrence'],
    ['an oversize RRULE', { title: 't', recurrence: `FREQ=WEEKLY;BYDAY=${'MO,'.repeat(80)}TU` }, 'input.recurrence'],
  ])('refuses %s with BAD_USER_INPUT naming the field, and writes nothing', async (_case, input, field) => {
    const before = await app.rowCount();
    const result = await app.call(CREATE, { input }, alice.token);
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors![0]!.extensions!.field).toBe(field);
    expect(result.errors![0]!.message).toMatch(new RegExp(`^${field.replace('.', '\\.')}: `));
    expect(await app.rowCount()).toBe(before);
  });

  it('refuses a malformed DateTime before anything runs', async () => {
    const result = await app.call(CREATE, { input: { title: 't', dueAt: 'tomorrow' } }, alice.token);
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('updateTodo', () => {
  it('changes only the fields given, and null clears nullable ones', async () => {
    const todo = await app.create(alice.token, { title: 'Draft', description: 'notes', dueAt: '2030-01-01T00:00:00Z', priority: 'LOW' });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const renamed = (await app.call(UPDATE, { id: todo.id, input: { title: 'Final' } }, alice.token)).data!.updateTodo;
    expect(renamed).toMatchObject({ title: 'Final', description: 'notes', dueAt: '2030-01-01T00:00:00.000Z', priority: 'LOW', createdAt: todo.createdAt });
    expect(renamed.updatedAt > todo.updatedAt).toBe(true);

    const cleared = (await app.call(UPDATE, { id: todo.id, input: { description: null, dueAt: null, priority: 'URGENT' } }, alice.token)).data!.updateTodo;
    expect(cleared).toMatchObject({ title: 'Final', description: null, dueAt: null, priority: 'URGENT' });
  });

  it('an empty input changes nothing, not even updatedAt', async () => {
    const todo = await app.create(alice.token, { title: 'Untouched' });
    const same = (await app.call(UPDATE, { id: todo.id, input: {} }, alice.token)).data!.updateTodo;
    expect(same).toEqual(todo);
  });

  it.each([
    ['a null title', { title: null }, 'input.title'],
    ['a null priority', { priority: null }, 'input.priority'],
    ['an oversize title', { title: 'x'.repeat(501) }, 'input.title'],
    ['an invalid RRULE', { recurrence: 'FREQ=DAILY;INTERVAL=0' }, 'input.recurrence'],
  ])('refuses %s and leaves the row as it was', async (_case, input, field) => {
    const todo = await app.create(alice.token, { title: 'Stable', priority: 'MEDIUM' });
    const before = await rowOf(todo.id);
    const result = await app.call(UPDATE, { id: todo.id, input }, alice.token);
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors![0]!.extensions!.field).toBe(field);
    expect(await rowOf(todo.id)).toEqual(before);
  });

  it('an unknown id is NOT_FOUND', async () => {
    const result = await app.call(UPDATE, { id: encodeId('Todo', uuidv7()), input: { title: 'x' } }, alice.token);
    expect(errorCodes(result)).toEqual(['NOT_FOUND']);
  });
});

describe('deleteTodo', () => {
  it('returns the id, after which the todo is gone', async () => {
    const todo = await app.create(alice.token, { title: 'Ephemeral' });
    expect((await app.call(DELETE, { id: todo.id }, alice.token)).data).toEqual({ deleteTodo: todo.id });
    expect(errorCodes(await app.call(GET, { id: todo.id }, alice.token))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await app.call(DELETE, { id: todo.id }, alice.token))).toEqual(['NOT_FOUND']);
    expect(await rowOf(todo.id)).toBeUndefined();
  });
});

describe('ids', () => {
  it('a Note id, a User id or garbage passed as a Todo id is BAD_USER_INPUT naming the argument', async () => {
    const todo = await app.create(alice.token, { title: 'Typed ids' });
    const raw = decodeId('Todo', todo.id);
    for (const id of [encodeId('Note', raw), encodeId('User', raw), 'bm9wZQ', 'x'.repeat(500)]) {
      for (const [query, variables] of [
        [GET, { id }],
        [UPDATE, { id, input: { title: 'x' } }],
        [DELETE, { id }],
      ] as const) {
        const result = await app.call(query, variables, alice.token);
        expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
        expect(result.errors![0]!.extensions!.field).toBe('id');
      }
    }
    expect((await rowOf(todo.id))?.title).toBe('Typed ids');
  });
});

describe('authentication', () => {
  it('every operation needs a signed-in user', async () => {
    const id = encodeId('Todo', uuidv7());
    for (const [query, variables] of [
      [GET, { id }],
      [LIST, {}],
      [CREATE, { input: { title: 'x' } }],
      [UPDATE, { id, input: { title: 'x' } }],
      [DELETE, { id }],
    ] as const) {
      expect(errorCodes(await app.call(query, variables))).toEqual(['UNAUTHENTICATED']);
    }
  });

  it('a token without the todos scopes is FORBIDDEN and writes nothing', async () => {
    const guest = await app.auth.tokenFor(uuidv7(), { roles: ['guest'] });
    const before = await app.rowCount();
    expect(errorCodes(await app.call(CREATE, { input: { title: 'x' } }, guest))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await app.call(LIST, {}, guest))).toEqual(['FORBIDDEN']);
    expect(await app.rowCount()).toBe(before);
  });
});
