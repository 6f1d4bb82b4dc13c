import { describe, expect, it } from 'vitest';
import { dedupeRepresentations, expandEntities } from '../src/fetch/entity-dedup';

const user = (id: string, extra: Record<string, unknown> = {}) => ({ __typename: 'User', id, ...extra });

describe('deduplicated _entities fetches', () => {
  it('keys on the whole representation: equal keys with different @requires values stay apart', () => {
    const dedup = dedupeRepresentations([user('1', { weight: 1 }), user('1', { weight: 1 }), user('1', { weight: 2 })])!;
    expect(dedup.unique).toEqual([user('1', { weight: 1 }), user('1', { weight: 2 })]);
    expect(dedup.uniqueIndexOf).toEqual([0, 0, 1]);
    expect(dedupeRepresentations([user('1'), user('2')])).toBeNull();
    // Never merged on doubt: the same values in another key order are simply sent twice.
    expect(dedupeRepresentations([user('1', { weight: 1 }), { weight: 1, id: '1', __typename: 'User' }])).toBeNull();
  });

  it('expands every result, nulls included, to every position, each repeated position with its own copy', () => {
    const dedup = dedupeRepresentations([user('1'), user('2'), user('1'), user('2')])!;
    const first = { name: 'Ada', nested: { n: 1 } };
    const response = expandEntities({ data: { _entities: [first, null] } }, dedup);
    const entities = response.data!._entities as ({ name: string; nested: { n: number } } | null)[];
    expect(entities).toEqual([first, null, first, null]);
    expect(entities[0]).toBe(first);
    expect(entities[2]).not.toBe(first);
    expect(entities[2]!.nested).not.toBe(first.nested);
  });

  it('fans each entity error out to every position that asked for it, with the path rewritten, in list order', () => {
    const dedup = dedupeRepresentations([user('a'), user('b'), user('a')])!;
    const response = expandEntities(
      {
        data: { _entities: [null, { id: 'b' }] },
        errors: [
          { message: 'other', path: ['somewhere'] },
          { message: 'no a', path: ['_entities', 0, 'name'], extensions: { code: 'FORBIDDEN' } },
        ],
      },
      dedup,
    );
    expect(response.errors).toEqual([
      { message: 'other', path: ['somewhere'] },
      { message: 'no a', path: ['_entities', 0, 'name'], extensions: { code: 'FORBIDDEN' } },
      { message: 'no a', path: ['_entities', 2, 'name'], extensions: { code: 'FORBIDDEN' } },
    ]);
  });

  it('leaves a response with the wrong number of entities alone, so the executor reports it as stock does', () => {
    const dedup = dedupeRepresentations([user('a'), user('a'), user('b')])!;
    const short = { data: { _entities: [{ id: 'a' }] } };
    expect(expandEntities(short, dedup)).toBe(short);
  });
});
