import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect, wsClient } from '@mosaic/testing';
import { remindersTopic } from '../src/domain/live-reminders';
import { startTodos, type TodosApp } from './harness';

let app: TodosApp;
beforeAll(async () => {
  app = await startTodos();
});
afterAll(() => app.close());

const ADD = `mutation($input: AddReminderInput!) { addReminder(input: $input) { id remindAt minutesBefore fireAt firedAt todo { id } } }`;
const CREATE = `mutation($input: CreateTodoInput!) { createTodo(input: $input) { id } }`;
const SUBSCRIBE = `subscription { reminders { id firedAt minutesBefore todo { id title } } }`;
const REMINDERS = `query($id: ID!) { todo(id: $id) { reminders { id fireAt firedAt minutesBefore } } }`;

async function ok(query: string, variables: Record<string, unknown>, token: string): Promise<Record<string, any>> {
  const result = await app.call(query, variables, token);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!;
}

describe('reminders', () => {
  it('fire once, at their time, on the owner’s reminders subscription only', async () => {
    app.clock.at = new Date('2026-12-01T08:00:00Z');
    const [owner, other] = [await app.auth.newUser(), await app.auth.newUser()];
    const todo = (await ok(CREATE, { input: { title: 'Call the plumber', dueAt: '2026-12-01T10:00:00Z' } }, owner.token)).createTodo.id;
    const absolute = (await ok(ADD, { input: { todoId: todo, remindAt: '2026-12-01T09:00:00Z' } }, owner.token)).addReminder;
    const relative = (await ok(ADD, { input: { todoId: todo, minutesBefore: 30 } }, owner.token)).addReminder;
    expect(absolute).toMatchObject({ remindAt: '2026-12-01T09:00:00.000Z', minutesBefore: null, fireAt: '2026-12-01T09:00:00.000Z', firedAt: null, todo: { id: todo } });
    expect(relative).toMatchObject({ remindAt: null, minutesBefore: 30, fireAt: '2026-12-01T09:30:00.000Z' });

    const ownerClient = wsClient(app.wsUrl, owner.token);
    const otherClient = wsClient(app.wsUrl, other.token);
    const ownerStream = collect(ownerClient, SUBSCRIBE);
    const otherStream = collect(otherClient, SUBSCRIBE);
    await expect.poll(() => app.listeners(remindersTopic(owner.userId)), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => app.listeners(remindersTopic(other.userId)), { timeout: 10_000 }).toBe(1);

    expect(await app.reminders.runOnce()).toEqual([]);
    app.clock.at = new Date('2026-12-01T09:00:00Z');
    expect((await app.reminders.runOnce()).map((r) => r.id)).toHaveLength(1);
    const [first] = await ownerStream.waitFor(1, 15_000);
    expect(first!.data!.reminders).toEqual({ id: absolute.id, firedAt: '2026-12-01T09:00:00.000Z', minutesBefore: null, todo: { id: todo, title: 'Call the plumber' } });
    // Firing again changes nothing: each reminder fires once.
    expect(await app.reminders.runOnce()).toEqual([]);
    app.clock.at = new Date('2026-12-01T09:31:00Z');
    await app.reminders.runOnce();
    const [, second] = await ownerStream.waitFor(2, 15_000);
    expect(second!.data!.reminders).toMatchObject({ id: relative.id, minutesBefore: 30 });
    expect(otherStream.results).toEqual([]);

    ownerStream.stop();
    otherStream.stop();
    await Promise.all([ownerClient.dispose(), otherClient.dispose()]);
  });

  it('a relative reminder follows its todo’s due date, and is armed again when a recurring todo rolls on', async () => {
    app.clock.at = new Date('2026-12-01T08:00:00Z');
    const owner = await app.auth.newUser();
    const todo = (await ok(CREATE, { input: { title: 'Water plants', dueAt: '2026-12-02T09:00:00Z', recurrence: 'FREQ=DAILY' } }, owner.token)).createTodo.id;
    await ok(ADD, { input: { todoId: todo, minutesBefore: 60 } }, owner.token);
    await ok(`mutation($id: ID!) { updateTodo(id: $id, input: { dueAt: "2026-12-03T09:00:00Z" }) { id } }`, { id: todo }, owner.token);
    expect((await ok(REMINDERS, { id: todo }, owner.token)).todo.reminders[0].fireAt).toBe('2026-12-03T08:00:00.000Z');
    app.clock.at = new Date('2026-12-03T08:00:00Z');
    await app.reminders.runOnce();
    expect((await ok(REMINDERS, { id: todo }, owner.token)).todo.reminders[0]).toMatchObject({ fireAt: null, firedAt: '2026-12-03T08:00:00.000Z' });
    await ok(`mutation($id: ID!) { completeTodo(id: $id) { dueAt } }`, { id: todo }, owner.token);
    expect((await ok(REMINDERS, { id: todo }, owner.token)).todo.reminders[0]).toMatchObject({ fireAt: '2026-12-04T08:00:00.000Z', firedAt: null });
  });

  it('refuses bad input and other users’ todos, writing nothing', async () => {
    app.clock.at = new Date('2026-12-01T08:00:00Z');
    const owner = await app.auth.newUser();
    const stranger = await app.auth.newUser();
    const undated = (await ok(CREATE, { input: { title: 'Someday' } }, owner.token)).createTodo.id;
    const cases: [Record<string, unknown>, string, string][] = [
      [{ todoId: undated, remindAt: '2026-11-30T08:00:00Z' }, 'BAD_USER_INPUT', 'input.remindAt'],
      [{ todoId: undated, minutesBefore: 10 }, 'BAD_USER_INPUT', 'input.minutesBefore'],
      [{ todoId: undated }, 'BAD_USER_INPUT', 'input.remindAt'],
      [{ todoId: undated, remindAt: '2026-12-02T08:00:00Z', minutesBefore: 5 }, 'BAD_USER_INPUT', 'input.remindAt'],
      [{ todoId: undated, minutesBefore: -1 }, 'BAD_USER_INPUT', 'input.minutesBefore'],
      [{ todoId: 'garbage', minutesBefore: 1 }, 'BAD_USER_INPUT', 'input.todoId'],
    ];
    for (const [input, code, field] of cases) {
      const result = await app.call(ADD, { input }, owner.token);
      expect(result.errors?.[0]?.extensions, JSON.stringify(input)).toMatchObject({ code, field });
    }
    const foreign = await app.call(ADD, { input: { todoId: undated, remindAt: '2026-12-02T08:00:00Z' } }, stranger.token);
    expect(foreign.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await ok(REMINDERS, { id: undated }, owner.token)).todo.reminders).toEqual([]);
  });
});
