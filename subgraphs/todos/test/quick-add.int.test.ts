import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTodos, type TodosApp } from './harness';

let app: TodosApp;
let user: { userId: string; publicId: string; token: string };
beforeAll(async () => {
  app = await startTodos();
  app.clock.at = new Date('2026-12-01T20:00:00Z');
  user = await app.auth.newUser();
});
afterAll(() => app.close());

const PREVIEW = `query($text: String!) { quickAddPreview(text: $text) { title dueAt recurrence priority labels newLabels } }`;
const ADD = `mutation($text: String!, $projectId: ID) { quickAddTodo(text: $text, projectId: $projectId) { title dueAt recurrence priority labels { name } project { name } upcomingOccurrences(first: 3) } }`;

describe('quick add', () => {
  it('previews without writing, then saves exactly the preview, creating the missing label once', async () => {
    const text = 'Pay rent every month on the 1st at 9am #home p1';
    const preview = await app.call(PREVIEW, { text }, user.token);
    expect(preview.data!.quickAddPreview).toEqual({
      title: 'Pay rent',
      dueAt: '2027-01-01T09:00:00.000Z',
      recurrence: 'FREQ=MONTHLY;BYMONTHDAY=1',
      priority: 'URGENT',
      labels: ['home'],
      newLabels: ['home'],
    });
    expect(await app.rowCount()).toBe(0);
    const saved = await app.call(ADD, { text }, user.token);
    expect(saved.errors).toBeUndefined();
    expect(saved.data!.quickAddTodo).toEqual({
      title: 'Pay rent',
      dueAt: '2027-01-01T09:00:00.000Z',
      recurrence: 'FREQ=MONTHLY;BYMONTHDAY=1',
      priority: 'URGENT',
      labels: [{ name: 'home' }],
      project: { name: 'Inbox' },
      upcomingOccurrences: ['2027-01-01T09:00:00.000Z', '2027-02-01T09:00:00.000Z', '2027-03-01T09:00:00.000Z'],
    });
    // The label now exists: a second quick add reuses it.
    expect((await app.call(PREVIEW, { text: 'Water plants every monday #Home' }, user.token)).data!.quickAddPreview.newLabels).toEqual([]);
    await app.call(ADD, { text: 'Water plants every monday #Home' }, user.token);
    expect((await app.call('{ labels { name } }', {}, user.token)).data!.labels).toEqual([{ name: 'home' }]);
  });

  it('refuses bad text with BAD_USER_INPUT at `text`, writing nothing', async () => {
    const before = await app.rowCount();
    for (const text of ['', '   ', 'tomorrow at 9am', 'two\nlines', 'x'.repeat(1001), `Too long label #${'a'.repeat(61)}`]) {
      for (const query of [PREVIEW, ADD]) {
        const result = await app.call(query, { text }, user.token);
        expect(result.errors?.[0]?.extensions, JSON.stringify(text.slice(0, 20))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'text' });
      }
    }
    expect(await app.rowCount()).toBe(before);
    expect((await app.call('{ labels { name } }', {}, user.token)).data!.labels).toEqual([{ name: 'home' }]);
  });
});
