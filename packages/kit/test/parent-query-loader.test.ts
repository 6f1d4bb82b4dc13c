import { describe, expect, it } from 'vitest';
import { parentQueryLoader } from '../src/index';

interface Row {
  ownerId: string;
  value: string;
}

/** A fake query runner that records each call: the loader's contract is how it batches them. */
function fakeRunner(data: Row[]) {
  const calls: { ownerIds: string[]; query: { tag: string } }[] = [];
  const run = async (ownerIds: string[], query: { tag: string }) => {
    calls.push({ ownerIds, query });
    return data.filter((row) => ownerIds.includes(row.ownerId) && row.value.startsWith(query.tag));
  };
  return { calls, run };
}

describe('parentQueryLoader', () => {
  const data = [
    { ownerId: 'a', value: 'x1' },
    { ownerId: 'a', value: 'x2' },
    { ownerId: 'b', value: 'x3' },
    { ownerId: 'b', value: 'y1' },
  ];

  it('runs one query for all owners that share it, and gives each owner its rows in order', async () => {
    const { calls, run } = fakeRunner(data);
    const loader = parentQueryLoader(run, (row: Row) => row.ownerId, (rows) => rows.map((r) => r.value));
    const results = await Promise.all(['a', 'b', 'c'].map((ownerId) => loader.load({ parentId: ownerId, query: { tag: 'x' } })));
    expect(results).toEqual([['x1', 'x2'], ['x3'], []]);
    expect(calls).toEqual([{ ownerIds: ['a', 'b', 'c'], query: { tag: 'x' } }]);
  });

  it('runs distinct queries separately, never mixing their rows', async () => {
    const { calls, run } = fakeRunner(data);
    const loader = parentQueryLoader(run, (row: Row) => row.ownerId, (rows) => rows.length);
    const [x, y] = await Promise.all([loader.load({ parentId: 'b', query: { tag: 'x' } }), loader.load({ parentId: 'b', query: { tag: 'y' } })]);
    expect([x, y]).toEqual([1, 1]);
    expect(calls).toHaveLength(2);
  });

  it('caches by value, so an equal key in a later tick costs nothing', async () => {
    const { calls, run } = fakeRunner(data);
    const loader = parentQueryLoader(run, (row: Row) => row.ownerId, (rows) => rows.length);
    await loader.load({ parentId: 'a', query: { tag: 'x' } });
    await loader.load({ parentId: 'a', query: { tag: 'x' } });
    expect(calls).toHaveLength(1);
  });
});
