import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes } from '@mosaic/testing';
import { COMPLETE, CREATE, REOPEN, UPDATE, startTodos, type TodosApp } from './harness';

let app: TodosApp;
let user: { userId: string; publicId: string; token: string };
beforeAll(async () => {
  app = await startTodos();
  user = await app.auth.newUser();
});
afterAll(() => app.close());
afterEach(() => {
  app.clock.at = null;
});

/** Wednesday 25 November 2026, noon UTC. */
const WEDNESDAY = new Date('2026-11-25T12:00:00.000Z');
const MONDAY_9 = '2026-11-30T09:00:00.000Z';

const create = (input: Record<string, unknown>) => app.create(user.token, input);
const complete = async (id: string, occurrence?: string) => {
  const result = await app.call(COMPLETE, { id, occurrence }, user.token);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!.completeTodo;
};
const occurrences = async (id: string, args = '') =>
  (await app.call(`query($id: ID!) { todo(id: $id) { upcomingOccurrences${args} completions { dueAt completedAt } } }`, { id }, user.token)).data!.todo;

describe('completing a recurring todo', () => {
  it('records the completion and rolls dueAt to the next occurrence, staying open', async () => {
    app.clock.at = WEDNESDAY;
    const todo = await create({ title: 'Team sync notes', dueAt: MONDAY_9, recurrence: 'FREQ=WEEKLY;BYDAY=MO' });
    app.clock.at = new Date('2026-11-30T10:00:00.000Z');
    const done = await complete(todo.id);
    expect(done).toMatchObject({ done: false, completedAt: null, dueAt: '2026-12-07T09:00:00.000Z', recurrence: 'FREQ=WEEKLY;BYDAY=MO' });
    expect((await occurrences(todo.id)).completions).toEqual([{ dueAt: MONDAY_9, completedAt: '2026-11-30T10:00:00.000Z' }]);
  });

  it('skips occurrences missed while overdue, keeping the time of day', async () => {
    app.clock.at = new Date('2026-11-20T08:00:00.000Z');
    const todo = await create({ title: 'Water the plants', dueAt: '2026-11-21T07:30:00.000Z', recurrence: 'FREQ=DAILY' });
    app.clock.at = WEDNESDAY; // four days overdue
    expect(await complete(todo.id)).toMatchObject({ dueAt: '2026-11-26T07:30:00.000Z', done: false });
  });

  it('completing early moves to the occurrence after the current one', async () => {
    app.clock.at = WEDNESDAY;
    const todo = await create({ title: 'Pay rent', dueAt: '2026-12-01T09:00:00.000Z', recurrence: 'FREQ=MONTHLY' });
    expect(await complete(todo.id)).toMatchObject({ dueAt: '2027-01-01T09:00:00.000Z' });
  });

  it('is done for good once COUNT is used up; reopening resumes at the last due date', async () => {
    app.clock.at = WEDNESDAY;
    const todo = await create({ title: 'Physio exercises', dueAt: '2026-11-26T18:00:00.000Z', recurrence: 'FREQ=DAILY;COUNT=2' });
    expect(await complete(todo.id)).toMatchObject({ done: false, dueAt: '2026-11-27T18:00:00.000Z' });
    const finished = await complete(todo.id);
    expect(finished).toMatchObject({ done: true, completedAt: WEDNESDAY.toISOString(), dueAt: '2026-11-27T18:00:00.000Z' });
    expect(await complete(todo.id)).toEqual(finished);
    expect((await occurrences(todo.id)).completions).toHaveLength(2);

    const reopened = (await app.call(REOPEN, { id: todo.id }, user.token)).data!.reopenTodo;
    expect(reopened).toMatchObject({ done: false, completedAt: null, dueAt: '2026-11-27T18:00:00.000Z' });
    expect((await app.call(REOPEN, { id: todo.id }, user.token)).data!.reopenTodo).toEqual(reopened);
  });

  it('with `occurrence`, a retry of a completion that already happened changes nothing', async () => {
    app.clock.at = WEDNESDAY;
    const todo = await create({ title: 'Standup', dueAt: '2026-11-25T09:00:00.000Z', recurrence: 'FREQ=DAILY' });
    const before = await app.completionCount();
    const [first, second] = await Promise.all([complete(todo.id, todo.dueAt!), complete(todo.id, todo.dueAt!)]);
    expect([first.dueAt, second.dueAt]).toEqual(['2026-11-26T09:00:00.000Z', '2026-11-26T09:00:00.000Z']);
    expect(await app.completionCount()).toBe(before + 1);
  });

  it('an undated recurring todo becomes due at the first occurrence after now', async () => {
    app.clock.at = WEDNESDAY;
    const todo = await create({ title: 'Take out the bins', recurrence: 'rrule:freq=weekly;byday=mo' });
    expect(todo).toMatchObject({ dueAt: '2026-11-30T12:00:00.000Z', recurrence: 'FREQ=WEEKLY;BYDAY=MO' });
  });

  it('a non-recurring todo is simply done', async () => {
    app.clock.at = WEDNESDAY;
    const todo = await create({ title: 'Renew passport', dueAt: MONDAY_9 });
    expect(await complete(todo.id)).toMatchObject({ done: true, completedAt: WEDNESDAY.toISOString(), dueAt: MONDAY_9 });
  });
});

describe('upcomingOccurrences', () => {
  it('lists the current due date, then the rule’s dates, after `after` when given', async () => {
    app.clock.at = WEDNESDAY;
    // Started on a Wednesday: as in RFC 5545 the start is the first occurrence, then Mondays and Thursdays.
    const todo = await create({ title: 'Gym', dueAt: '2026-11-25T17:00:00.000Z', recurrence: 'FREQ=WEEKLY;BYDAY=MO,TH' });
    expect((await occurrences(todo.id)).upcomingOccurrences).toEqual([
      '2026-11-25T17:00:00.000Z',
      '2026-11-26T17:00:00.000Z',
      '2026-11-30T17:00:00.000Z',
      '2026-12-03T17:00:00.000Z',
      '2026-12-07T17:00:00.000Z',
    ]);
    expect((await occurrences(todo.id, '(first: 2, after: "2026-12-01T00:00:00Z")')).upcomingOccurrences).toEqual([
      '2026-12-03T17:00:00.000Z',
      '2026-12-07T17:00:00.000Z',
    ]);
  });

  it('ends with COUNT, counting the start', async () => {
    const todo = await create({ title: 'Course', dueAt: '2026-11-25T17:00:00.000Z', recurrence: 'FREQ=WEEKLY;BYDAY=MO;COUNT=3' });
    expect((await occurrences(todo.id, '(first: 10)')).upcomingOccurrences).toEqual([
      '2026-11-25T17:00:00.000Z',
      '2026-11-30T17:00:00.000Z',
      '2026-12-07T17:00:00.000Z',
    ]);
  });

  it('is the due date alone for a plain todo, and empty when undated or done', async () => {
    const plain = await create({ title: 'Dentist', dueAt: MONDAY_9 });
    expect((await occurrences(plain.id)).upcomingOccurrences).toEqual([MONDAY_9]);
    expect((await occurrences(plain.id, '(after: "2026-12-01T00:00:00Z")')).upcomingOccurrences).toEqual([]);
    const undated = await create({ title: 'Someday' });
    expect((await occurrences(undated.id)).upcomingOccurrences).toEqual([]);
    await complete(plain.id);
    expect((await occurrences(plain.id)).upcomingOccurrences).toEqual([]);
  });

  it('refuses `first` outside 1 to 50 and `after` more than 10 years ahead', async () => {
    const todo = await create({ title: 'Bounds', dueAt: MONDAY_9, recurrence: 'FREQ=DAILY' });
    for (const [args, field] of [['first: 0', 'first'], ['first: 51', 'first'], ['after: "8999-01-01T00:00:00Z"', 'after']]) {
      const result = await app.call(`query($id: ID!) { todo(id: $id) { upcomingOccurrences(${args}) } }`, { id: todo.id }, user.token);
      expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors![0]!.extensions!.field).toBe(field);
    }
  });
});

describe('changing the schedule', () => {
  it('setting a rule on a dated todo starts the series at its due date', async () => {
    app.clock.at = WEDNESDAY;
    const todo = await create({ title: 'Review budget', dueAt: '2026-12-15T10:00:00.000Z' });
    const updated = (await app.call(UPDATE, { id: todo.id, input: { recurrence: 'FREQ=MONTHLY;BYDAY=3TU' } }, user.token)).data!.updateTodo;
    expect(updated).toMatchObject({ dueAt: '2026-12-15T10:00:00.000Z', recurrence: 'FREQ=MONTHLY;BYDAY=3TU' });
    expect(await complete(todo.id)).toMatchObject({ dueAt: '2027-01-19T10:00:00.000Z' });
  });

  it('a recurring todo cannot lose its due date alone; clearing both works', async () => {
    app.clock.at = WEDNESDAY;
    const todo = await create({ title: 'Backups', dueAt: MONDAY_9, recurrence: 'FREQ=WEEKLY' });
    const refused = await app.call(UPDATE, { id: todo.id, input: { dueAt: null } }, user.token);
    expect(errorCodes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(refused.errors![0]!.extensions!.field).toBe('input.dueAt');
    const cleared = (await app.call(UPDATE, { id: todo.id, input: { dueAt: null, recurrence: null } }, user.token)).data!.updateTodo;
    expect(cleared).toMatchObject({ dueAt: null, recurrence: null });
  });

  it('moving the due date of a recurring todo restarts the series there', async () => {
    app.clock.at = WEDNESDAY;
    const todo = await create({ title: 'Laundry', dueAt: MONDAY_9, recurrence: 'FREQ=WEEKLY;COUNT=2' });
    await app.call(UPDATE, { id: todo.id, input: { dueAt: '2026-12-02T09:00:00.000Z' } }, user.token);
    expect(await complete(todo.id)).toMatchObject({ done: false, dueAt: '2026-12-09T09:00:00.000Z' });
    expect(await complete(todo.id)).toMatchObject({ done: true });
  });

  it('a rule whose UNTIL has passed is refused for an undated todo', async () => {
    app.clock.at = WEDNESDAY;
    const before = await app.rowCount();
    const result = await app.call(CREATE, { input: { title: 'Old', recurrence: 'FREQ=DAILY;UNTIL=20200101T000000Z' } }, user.token);
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors![0]!.extensions!.field).toBe('input.recurrence');
    expect(await app.rowCount()).toBe(before);
  });

  // The search for a first occurrence stops at a horizon; without it this call would walk to
  // year 9999 and hit the test's timeout. How fast it is belongs in bench/, not in an assertion.
  it('an impossible rule is refused (the search stops at a horizon)', async () => {
    const result = await app.call(CREATE, { input: { title: 'Never', recurrence: 'FREQ=MONTHLY;BYMONTH=2;BYMONTHDAY=31' } }, user.token);
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
  });
});
