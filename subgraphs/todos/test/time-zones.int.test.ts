import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTodos, type TodosApp } from './harness';

/**
 * Europe/Berlin moves from CET (UTC+1) to CEST (UTC+2) at 01:00 UTC on Sunday 29 March 2026.
 * The clock is stopped on the Friday before.
 */
let app: TodosApp;
let berliner: { userId: string; publicId: string; token: string };
const FRIDAY_NOON = new Date('2026-03-27T12:00:00Z');

async function ok(query: string, variables: Record<string, unknown>, token: string): Promise<Record<string, any>> {
  const result = await app.call(query, variables, token);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!;
}
const QUICK_ADD = `mutation($text: String!) { quickAddTodo(text: $text) { id title dueAt recurrence } }`;
const PREVIEW = `query($text: String!) { quickAddPreview(text: $text) { title dueAt timeZone } }`;
const COMPLETE = `mutation($id: ID!) { completeTodo(id: $id) { dueAt done } }`;
const CREATE = `mutation($input: CreateTodoInput!) { createTodo(input: $input) { id } }`;
const SAVE = `mutation($input: SavedFilterInput!) { createSavedFilter(input: $input) { id } }`;
const VIEW = `query($id: ID!) { savedFilter(id: $id) { todos(first: 50) { edges { node { title } } } } }`;

beforeAll(async () => {
  app = await startTodos();
  berliner = await app.newUser('Europe/Berlin');
});
afterAll(() => app.close());

describe('quick add in the user’s zone', () => {
  it('reads "tomorrow at 9am" as 9am in Berlin, stored as UTC', async () => {
    app.clock.at = FRIDAY_NOON;
    const preview = (await ok(PREVIEW, { text: 'Call the bakery tomorrow at 9am' }, berliner.token)).quickAddPreview;
    expect(preview).toEqual({ title: 'Call the bakery', dueAt: '2026-03-28T08:00:00.000Z', timeZone: 'Europe/Berlin' });
    const saved = (await ok(QUICK_ADD, { text: 'Call the bakery tomorrow at 9am' }, berliner.token)).quickAddTodo;
    expect(saved.dueAt).toBe('2026-03-28T08:00:00.000Z');
    // After the change to summer time, 9am is 07:00 UTC.
    expect((await ok(QUICK_ADD, { text: 'Brunch on Monday at 9am' }, berliner.token)).quickAddTodo.dueAt).toBe('2026-03-30T07:00:00.000Z');
  });

  it('reads "tomorrow" by the user’s date: just after midnight in Berlin it is already Saturday', async () => {
    app.clock.at = new Date('2026-03-27T23:30:00Z'); // 00:30 on Saturday in Berlin, still Friday in UTC
    expect((await ok(QUICK_ADD, { text: 'Pick up the bike tomorrow' }, berliner.token)).quickAddTodo.dueAt).toBe('2026-03-29T07:00:00.000Z');
    const utcUser = await app.newUser();
    expect((await ok(QUICK_ADD, { text: 'Pick up the bike tomorrow' }, utcUser.token)).quickAddTodo.dueAt).toBe('2026-03-28T09:00:00.000Z');
  });

  it('follows account.preferences.changed', async () => {
    const traveller = await app.newUser('Europe/Berlin');
    app.clock.at = FRIDAY_NOON;
    await app.setTimeZone(traveller.userId, 'America/New_York');
    expect((await ok(PREVIEW, { text: 'Coffee tomorrow at 9am' }, traveller.token)).quickAddPreview).toMatchObject({ dueAt: '2026-03-28T13:00:00.000Z', timeZone: 'America/New_York' });
  });
});

describe('recurrence in the user’s zone', () => {
  it('"every day at 9am" stays 9am in Berlin across the change to summer time, and so does its reminder', async () => {
    app.clock.at = FRIDAY_NOON;
    const todo = (await ok(QUICK_ADD, { text: 'Water the plants every day at 9am' }, berliner.token)).quickAddTodo;
    expect(todo).toMatchObject({ recurrence: 'FREQ=DAILY', dueAt: '2026-03-28T08:00:00.000Z' });
    const upcoming = (await ok(`query($id: ID!) { todo(id: $id) { upcomingOccurrences(first: 4) } }`, { id: todo.id }, berliner.token)).todo.upcomingOccurrences;
    expect(upcoming).toEqual(['2026-03-28T08:00:00.000Z', '2026-03-29T07:00:00.000Z', '2026-03-30T07:00:00.000Z', '2026-03-31T07:00:00.000Z']);
    await ok(`mutation($input: AddReminderInput!) { addReminder(input: $input) { id } }`, { input: { todoId: todo.id, minutesBefore: 15 } }, berliner.token);

    app.clock.at = new Date('2026-03-28T10:00:00Z');
    expect((await ok(COMPLETE, { id: todo.id }, berliner.token)).completeTodo).toEqual({ dueAt: '2026-03-29T07:00:00.000Z', done: false });
    const reminders = (await ok(`query($id: ID!) { todo(id: $id) { reminders { fireAt minutesBefore } } }`, { id: todo.id }, berliner.token)).todo.reminders;
    expect(reminders).toEqual([{ fireAt: '2026-03-29T06:45:00.000Z', minutesBefore: 15 }]);
    app.clock.at = new Date('2026-03-29T09:00:00Z');
    expect((await ok(COMPLETE, { id: todo.id }, berliner.token)).completeTodo.dueAt).toBe('2026-03-30T07:00:00.000Z');
  });

  it('a rule set through createTodo repeats in the zone of its owner, on that zone’s weekdays', async () => {
    app.clock.at = FRIDAY_NOON;
    // Saturday 00:30 in Berlin is Friday 23:30 UTC: "every Saturday" must keep the Berlin weekday.
    const id = (await ok(CREATE, { input: { title: 'Market', dueAt: '2026-03-27T23:30:00Z', recurrence: 'FREQ=WEEKLY;BYDAY=SA' } }, berliner.token)).createTodo.id;
    const upcoming = (await ok(`query($id: ID!) { todo(id: $id) { upcomingOccurrences(first: 2) } }`, { id }, berliner.token)).todo.upcomingOccurrences;
    expect(upcoming).toEqual(['2026-03-27T23:30:00.000Z', '2026-04-03T22:30:00.000Z']);
  });
});

describe('views by the user’s days', () => {
  it('TODAY and NEXT_7_DAYS run from midnight to midnight in Berlin, a week with a 23-hour day included', async () => {
    const user = await app.newUser('Europe/Berlin');
    app.clock.at = new Date('2026-03-27T23:30:00Z'); // Saturday 00:30 in Berlin
    const todos = [
      { title: 'Saturday 00:45 Berlin, Friday in UTC', dueAt: '2026-03-27T23:45:00Z' },
      { title: 'Saturday 23:30 Berlin', dueAt: '2026-03-28T22:30:00Z' },
      { title: 'Sunday 02:30 Berlin', dueAt: '2026-03-29T00:30:00Z' },
      { title: 'Friday 23:30 Berlin', dueAt: '2026-04-03T21:30:00Z' },
      { title: 'next Saturday 00:30 Berlin', dueAt: '2026-04-03T22:30:00Z' },
    ];
    for (const input of todos) await ok(CREATE, { input }, user.token);
    const today = (await ok(SAVE, { input: { name: 'Today', due: 'TODAY' } }, user.token)).createSavedFilter.id;
    const week = (await ok(SAVE, { input: { name: 'Week', due: 'NEXT_7_DAYS' } }, user.token)).createSavedFilter.id;
    const titles = async (id: string) => ((await ok(VIEW, { id }, user.token)).savedFilter.todos.edges as { node: { title: string } }[]).map((e) => e.node.title);
    expect(await titles(today)).toEqual(['Saturday 00:45 Berlin, Friday in UTC', 'Saturday 23:30 Berlin']);
    expect(await titles(week)).toEqual(['Saturday 00:45 Berlin, Friday in UTC', 'Saturday 23:30 Berlin', 'Sunday 02:30 Berlin', 'Friday 23:30 Berlin']);

    // The same todos for someone in UTC, where it is still Friday.
    await app.setTimeZone(user.userId, 'UTC');
    expect(await titles(today)).toEqual(['Saturday 00:45 Berlin, Friday in UTC']);
  });
});
