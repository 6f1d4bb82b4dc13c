import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { decodeId, encodeCursor } from '@mosaic/kit';
import { errorCodes } from '@mosaic/testing';
import { COMPLETE, DELETE, LIST, pageThrough, startTodos, type TodosApp, type TodoView } from './harness';

let app: TodosApp;
beforeAll(async () => {
  app = await startTodos();
});
afterAll(() => app.close());
afterEach(() => {
  app.clock.at = null;
});

const NOW = new Date('2026-11-25T12:00:00.000Z');
const PRIORITY_RANK = { NONE: 0, LOW: 1, MEDIUM: 2, HIGH: 3, URGENT: 4 } as const;

/** A varied list: undated and dated (past and future), every priority, some done, tricky titles. */
const SEED: { title: string; dueAt?: string; priority?: keyof typeof PRIORITY_RANK; done?: boolean }[] = [
  { title: 'Pay invoice 50% now', dueAt: '2026-11-20T09:00:00.000Z', priority: 'URGENT' },
  { title: 'Pay invoice 500 now', dueAt: '2026-11-28T09:00:00.000Z', priority: 'HIGH' },
  { title: 'Rename file_a', priority: 'LOW' },
  { title: 'Rename fileXa', dueAt: '2026-11-20T09:00:00.000Z', priority: 'LOW' },
  { title: 'Book flights', dueAt: '2026-12-01T09:00:00.000Z', priority: 'MEDIUM', done: true },
  { title: 'Back\\slash task', dueAt: '2026-11-24T09:00:00.000Z', priority: 'NONE', done: true },
  { title: 'Call plumber', dueAt: '2026-11-24T09:00:00.000Z', priority: 'HIGH' },
  { title: 'Read book' },
  { title: 'Gift for Sam', dueAt: '2026-12-20T09:00:00.000Z', priority: 'URGENT' },
  { title: 'Prune roses', dueAt: '2026-11-28T09:00:00.000Z', priority: 'NONE' },
  { title: 'Tax return', dueAt: '2027-01-31T09:00:00.000Z', priority: 'HIGH' },
];

interface Seeded extends TodoView {
  raw: string;
}

async function seedUser(): Promise<{ token: string; todos: Seeded[] }> {
  const { token } = await app.auth.newUser();
  const todos: Seeded[] = [];
  for (const [i, { done, ...input }] of SEED.entries()) {
    // Distinct creation instants, not in title order, so CREATED_AT is its own order.
    app.clock.at = new Date(NOW.getTime() - ((i * 7) % SEED.length) * 60_000);
    let todo = await app.create(token, input);
    if (done) todo = (await app.call(COMPLETE, { id: todo.id }, token)).data!.completeTodo;
    todos.push({ ...todo, raw: decodeId('Todo', todo.id) });
  }
  app.clock.at = NOW;
  return { token, todos };
}

type Row = Seeded;
const byId = (a: Row, b: Row) => (a.raw < b.raw ? -1 : a.raw > b.raw ? 1 : 0);
const byDue = (a: Row, b: Row) => (a.dueAt === b.dueAt ? 0 : a.dueAt === null ? 1 : b.dueAt === null ? -1 : a.dueAt < b.dueAt ? -1 : 1);
const flip = (sign: number, descending: boolean) => (descending ? -sign : sign);

/** The order each TodoOrder promises, written independently of the SQL. */
const EXPECTED: Record<string, (descending: boolean) => (a: Row, b: Row) => number> = {
  MANUAL: (d) => (a, b) => flip(a.position - b.position, d) || flip(byId(a, b), d),
  DUE_AT: (d) => (a, b) => (a.dueAt === null || b.dueAt === null ? byDue(a, b) : flip(byDue(a, b), d)) || flip(byId(a, b), d),
  PRIORITY: (d) => (a, b) => flip(PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority], d) || byDue(a, b) || flip(byId(a, b), d),
  CREATED_AT: (d) => (a, b) => flip(a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0, d) || flip(byId(a, b), d),
};

describe('orders', () => {
  let seeded: Awaited<ReturnType<typeof seedUser>>;
  beforeAll(async () => {
    seeded = await seedUser();
  });

  for (const field of ['MANUAL', 'DUE_AT', 'PRIORITY', 'CREATED_AT']) {
    for (const direction of ['ASC', 'DESC']) {
      it(`${field} ${direction} pages through every todo once, in order`, async () => {
        const expected = [...seeded.todos].sort(EXPECTED[field]!(direction === 'DESC')).map((t) => t.title);
        for (const first of [1, 4, 100]) {
          expect(await pageThrough(app, seeded.token, { first, orderBy: { field, direction } })).toEqual(expected);
        }
      });
    }
  }

  it('defaults to the manual order, 20 at a time', async () => {
    const result = await app.call(LIST, {}, seeded.token);
    const expected = [...seeded.todos].sort(EXPECTED.MANUAL!(false)).map((t) => t.title);
    expect(result.data!.todos.edges.map((e: { node: { title: string } }) => e.node.title)).toEqual(expected);
    expect(result.data!.todos.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
  });
});

describe('filters', () => {
  let seeded: Awaited<ReturnType<typeof seedUser>>;
  beforeAll(async () => {
    seeded = await seedUser();
  });

  const titlesFor = async (filter: Record<string, unknown>, orderBy = { field: 'MANUAL', direction: 'ASC' }) => {
    app.clock.at = NOW;
    return pageThrough(app, seeded.token, { first: 2, filter, orderBy });
  };
  const expectedFor = (keep: (todo: Seeded) => boolean) => seeded.todos.filter(keep).sort(EXPECTED.MANUAL!(false)).map((t) => t.title);
  const due = (todo: Seeded) => (todo.dueAt === null ? null : new Date(todo.dueAt));
  const isOverdue = (todo: Seeded) => !todo.done && due(todo) !== null && due(todo)! < NOW;

  it.each<[string, Record<string, unknown>, (todo: Seeded) => boolean]>([
    ['done', { done: true }, (t) => t.done],
    ['open', { done: false }, (t) => !t.done],
    ['dueBefore (exclusive)', { dueBefore: '2026-11-28T09:00:00Z' }, (t) => due(t) !== null && due(t)! < new Date('2026-11-28T09:00:00Z')],
    ['dueAfter (inclusive)', { dueAfter: '2026-11-28T09:00:00Z' }, (t) => due(t) !== null && due(t)! >= new Date('2026-11-28T09:00:00Z')],
    ['a due window', { dueAfter: '2026-11-24T00:00:00Z', dueBefore: '2026-12-02T00:00:00Z' }, (t) => due(t) !== null && due(t)! >= new Date('2026-11-24') && due(t)! < new Date('2026-12-02')],
    ['priorities', { priority: ['HIGH', 'URGENT'] }, (t) => t.priority === 'HIGH' || t.priority === 'URGENT'],
    ['no priorities at all', { priority: [] }, () => false],
    ['search, ignoring case', { search: 'PAY invoice' }, (t) => t.title.startsWith('Pay invoice')],
    ['search with a literal %', { search: '50%' }, (t) => t.title === 'Pay invoice 50% now'],
    ['search with a literal _', { search: 'file_a' }, (t) => t.title === 'Rename file_a'],
    ['search with a literal backslash', { search: 'k\\s' }, (t) => t.title === 'Back\\slash task'],
    ['overdue', { overdue: true }, isOverdue],
    ['not overdue (undated and done included)', { overdue: false }, (t) => !isOverdue(t)],
    ['several conditions at once', { done: false, priority: ['LOW', 'HIGH'], dueBefore: '2026-12-01T00:00:00Z' }, (t) => !t.done && ['LOW', 'HIGH'].includes(t.priority) && due(t) !== null && due(t)! < new Date('2026-12-01')],
    ['null conditions (no filtering)', { done: null, search: null, priority: null }, () => true],
  ])('%s', async (_case, filter, keep) => {
    const expected = expectedFor(keep);
    expect(await titlesFor(filter)).toEqual(expected);
    const counted = await app.call(LIST, { first: 1, filter }, seeded.token);
    expect(counted.data!.todos.totalCount).toBe(expected.length);
  });

  it('a filter combines with any order', async () => {
    const expected = seeded.todos.filter((t) => !t.done).sort(EXPECTED.PRIORITY!(true)).map((t) => t.title);
    expect(await titlesFor({ done: false }, { field: 'PRIORITY', direction: 'DESC' })).toEqual(expected);
  });

  it.each([
    ['an empty search', { search: '  ' }, 'filter.search'],
    ['an oversize search', { search: 's'.repeat(201) }, 'filter.search'],
    ['an empty due window', { dueAfter: '2026-12-01T00:00:00Z', dueBefore: '2026-12-01T00:00:00Z' }, 'filter.dueAfter'],
  ])('refuses %s with BAD_USER_INPUT naming the field', async (_case, filter, field) => {
    const result = await app.call(LIST, { filter }, seeded.token);
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors![0]!.extensions!.field).toBe(field);
  });
});

describe('pagination', () => {
  it('stays exact while todos are added and removed between pages', async () => {
    const { token } = await app.auth.newUser();
    const originals: string[] = [];
    for (let i = 0; i < 10; i++) originals.push((await app.create(token, { title: `Task ${i}` })).title);

    // Manual order: new todos are appended, so they show up after the originals.
    let added = 0;
    const manual = await pageThrough(app, token, { first: 3 }, async () => {
      await app.create(token, { title: `Added ${added++}` });
    });
    expect(manual).toEqual([...originals, ...Array.from({ length: added }, (_, i) => `Added ${i}`)]);

    // Newest first: todos created meanwhile sort before the cursor, so they never appear and nothing repeats.
    const newestFirstOrder = { field: 'CREATED_AT', direction: 'DESC' };
    const before = await pageThrough(app, token, { first: 100, orderBy: newestFirstOrder });
    const newestFirst = await pageThrough(app, token, { first: 4, orderBy: newestFirstOrder }, async () => {
      await app.create(token, { title: `Later ${added++}` });
    });
    expect(newestFirst).toEqual(before);

    // Deleting a todo already seen does not shift the next page.
    const page = await app.call(LIST, { first: 3 }, token);
    const seen = page.data!.todos.edges as { node: { id: string } }[];
    await app.call(DELETE, { id: seen[2]!.node.id }, token);
    const next = await app.call(LIST, { first: 3, after: page.data!.todos.pageInfo.endCursor }, token);
    expect(next.data!.todos.edges.map((e: { node: { title: string } }) => e.node.title)).toEqual(['Task 3', 'Task 4', 'Task 5']);
    expect(next.data!.todos.pageInfo.hasPreviousPage).toBe(true);
  });

  it('refuses cursors that are not this list’s, and out-of-range page sizes', async () => {
    const { token } = await app.auth.newUser();
    await app.create(token, { title: 'One' });
    await app.create(token, { title: 'Two' });
    const byDue = await app.call(LIST, { first: 1, orderBy: { field: 'DUE_AT' } }, token);
    const dueCursor = byDue.data!.todos.pageInfo.endCursor as string;
    const cases: [Record<string, unknown>, string][] = [
      [{ after: 'bm9wZQ' }, 'after'],
      [{ after: dueCursor }, 'after'],
      [{ after: dueCursor, orderBy: { field: 'DUE_AT', direction: 'DESC' } }, 'after'],
      [{ after: encodeCursor(['MANUAL:ASC', 'x', 'not-a-uuid']) }, 'after'],
      [{ after: encodeCursor(['MANUAL:ASC', 1.5, '00000000-0000-7000-8000-000000000000']) }, 'after'],
      [{ first: 0 }, 'first'],
      [{ first: 101 }, 'first'],
    ];
    for (const [variables, field] of cases) {
      const result = await app.call(LIST, variables, token);
      expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors![0]!.extensions!.field).toBe(field);
    }
    // The same cursor with its own order works.
    const next = await app.call(LIST, { first: 1, after: dueCursor, orderBy: { field: 'DUE_AT' } }, token);
    expect(next.errors).toBeUndefined();
    expect(next.data!.todos.edges).toHaveLength(1);
  });
});
