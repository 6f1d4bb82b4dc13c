import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { decodeId, encodeId } from '@mosaic/kit';
import { errorCodes } from '@mosaic/testing';
import { todos } from '../src/data/tables';
import { MOVE, pageThrough, startTodos, type TodosApp } from './harness';

let app: TodosApp;
beforeAll(async () => {
  app = await startTodos();
});
afterAll(() => app.close());

async function listOf(count: number) {
  const user = await app.auth.newUser();
  const ids: Record<string, string> = {};
  for (let i = 0; i < count; i++) ids[`T${i}`] = (await app.create(user.token, { title: `T${i}` })).id;
  const order = () => pageThrough(app, user.token, { first: 100 });
  const move = (title: string, placement: { after?: string; before?: string }) =>
    app.call(MOVE, { id: ids[title], afterId: placement.after && ids[placement.after], beforeId: placement.before && ids[placement.before] }, user.token);
  return { user, ids, order, move };
}

describe('moveTodo', () => {
  it('places a todo right after or right before another, keeping the rest in order', async () => {
    const { order, move } = await listOf(5);
    expect(errorCodes(await move('T4', { after: 'T0' }))).toEqual([]);
    expect(await order()).toEqual(['T0', 'T4', 'T1', 'T2', 'T3']);
    await move('T3', { before: 'T0' });
    expect(await order()).toEqual(['T3', 'T0', 'T4', 'T1', 'T2']);
    await move('T3', { after: 'T2' });
    expect(await order()).toEqual(['T0', 'T4', 'T1', 'T2', 'T3']);
    await move('T1', { before: 'T4' });
    expect(await order()).toEqual(['T0', 'T1', 'T4', 'T2', 'T3']);
    // Already in place: still fine.
    await move('T1', { after: 'T0' });
    expect(await order()).toEqual(['T0', 'T1', 'T4', 'T2', 'T3']);
  });

  it('renumbers when a gap is used up, without disturbing the order', async () => {
    const { user, order, move } = await listOf(4);
    app.counter.reset();
    // Moving alternately into the gap after T0 halves it each time: 2^16 runs out after 16 moves.
    for (let i = 0; i < 40; i++) await move(i % 2 === 0 ? 'T2' : 'T3', { after: 'T0' });
    expect(app.counter.statements.some((statement) => /set position = ranked\.rank/.test(statement))).toBe(true);
    expect(await order()).toEqual(['T0', 'T3', 'T2', 'T1']);
    expect(await distinctPositions(user.userId)).toBe(true);
  });

  it('keeps positions unique under concurrent moves and creates', async () => {
    const { user, ids, order, move } = await listOf(8);
    const titles = Object.keys(ids);
    await Promise.all([
      ...Array.from({ length: 12 }, (_, i) => move(titles[(i * 3) % 8]!, { after: titles[(i * 5 + 1) % 8]! })),
      ...Array.from({ length: 4 }, (_, i) => app.create(user.token, { title: `New ${i}` })),
    ]);
    const final = await order();
    expect(final).toHaveLength(12);
    expect(new Set(final).size).toBe(12);
    expect(await distinctPositions(user.userId)).toBe(true);
  });

  it('refuses a move that is not exactly one placement, onto itself, or onto someone else’s todo', async () => {
    const { user, ids, order } = await listOf(3);
    const other = await app.auth.newUser();
    const foreign = await app.create(other.token, { title: 'Not yours' });
    const before = await order();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ id: ids.T0 }, 'BAD_USER_INPUT', 'afterId'],
      [{ id: ids.T0, afterId: ids.T1, beforeId: ids.T2 }, 'BAD_USER_INPUT', 'afterId'],
      [{ id: ids.T0, afterId: ids.T0 }, 'BAD_USER_INPUT', 'afterId'],
      [{ id: ids.T0, beforeId: ids.T0 }, 'BAD_USER_INPUT', 'beforeId'],
      [{ id: ids.T0, afterId: encodeId('Note', decodeId('Todo', ids.T1!)) }, 'BAD_USER_INPUT', 'afterId'],
      [{ id: ids.T0, beforeId: 'garbage' }, 'BAD_USER_INPUT', 'beforeId'],
      [{ id: ids.T0, afterId: foreign.id }, 'NOT_FOUND', ''],
      [{ id: foreign.id, afterId: ids.T0 }, 'NOT_FOUND', ''],
    ];
    for (const [variables, code, field] of cases) {
      const result = await app.call(MOVE, variables, user.token);
      expect(errorCodes(result)).toEqual([code]);
      if (field) expect(result.errors![0]!.extensions!.field).toBe(field);
    }
    expect(await order()).toEqual(before);
    expect(await pageThrough(app, other.token, { first: 10 })).toEqual(['Not yours']);
  });
});

async function distinctPositions(ownerId: string): Promise<boolean> {
  const rows = await app.database.db().select({ position: todos.position }).from(todos).where(eq(todos.ownerId, ownerId));
  return new Set(rows.map((row) => row.position)).size === rows.length;
}
