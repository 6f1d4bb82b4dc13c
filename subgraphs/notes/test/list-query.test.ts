import { describe, expect, it } from 'vitest';
import { encodeCursor } from '@mosaic/kit';
import type { NoteHit } from '../src/data/note-queries-repo';
import { parseNoteListArgs } from '../src/domain/list-query';
import { cursorKey, decodeKeyset } from '../src/domain/note-cursors';

const fieldOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as { extensions: { code: string; field: string } }).extensions;
  }
  return null;
};

const hit: NoteHit = {
  note: {
    id: '01a21844-b020-7a7d-83e7-7fee55e032da',
    ownerId: '01a21844-affd-72e2-9c09-1733d8d0b065',
    tenantId: null,
    title: 'Ünïcode Title',
    body: '',
    tags: [],
    pinned: true,
    archivedAt: null,
    createdAt: new Date('2026-11-26T10:00:00.000Z'),
    updatedAt: new Date('2026-11-26T11:00:00.123Z'),
    notebookId: null,
  },
  rank: 0.0607927,
  titleKey: 'ünïcode title',
  headline: null,
};

describe('parseNoteListArgs', () => {
  it('defaults: 20 per page, pinned-first recency, archived notes left out', () => {
    expect(parseNoteListArgs({})).toEqual({
      search: null,
      pinned: null,
      archived: false,
      tags: [],
      updatedAfter: null,
      notebookId: null,
      order: 'UPDATED_AT',
      limit: 20,
      after: null,
    });
  });

  it('orders by relevance when searching, trims the search and treats a blank one as none', () => {
    expect(parseNoteListArgs({ search: '  tea  ' })).toMatchObject({ search: 'tea', order: 'RELEVANCE' });
    expect(parseNoteListArgs({ search: '   ' })).toMatchObject({ search: null, order: 'UPDATED_AT' });
  });

  it('keeps an explicit archived: null (both) apart from an omitted filter, and normalises filter tags', () => {
    expect(parseNoteListArgs({ filter: { archived: null } }).archived).toBeNull();
    expect(parseNoteListArgs({ filter: { tags: ['Work', 'work'] } })).toMatchObject({ archived: false, tags: ['work'] });
  });

  it.each([
    ['a search over 200 characters', { search: 'x'.repeat(201) }, 'search'],
    ['RELEVANCE without a search', { orderBy: 'RELEVANCE' as const }, 'orderBy'],
    ['an invalid filter tag', { filter: { tags: ['ok', 'not ok'] } }, 'filter.tags.1'],
    ['first: 0', { first: 0 }, 'first'],
    ['first: 101', { first: 101 }, 'first'],
    ['a cursor that is not one', { after: 'garbage!' }, 'after'],
  ])('refuses %s with BAD_USER_INPUT naming the argument', (_case, args, field) => {
    expect(fieldOf(() => parseNoteListArgs(args))).toEqual({ code: 'BAD_USER_INPUT', field });
  });
});

describe('cursors', () => {
  it.each(['UPDATED_AT', 'CREATED_AT', 'TITLE', 'RELEVANCE'] as const)('round-trips the %s sort key', (order) => {
    const keyset = decodeKeyset(encodeCursor(cursorKey(order, hit)), order);
    expect(keyset).toMatchObject({ order, id: hit.note.id });
  });

  it('refuses a cursor made for another order, or one with a forged value', () => {
    const titleCursor = encodeCursor(cursorKey('TITLE', hit));
    expect(fieldOf(() => decodeKeyset(titleCursor, 'CREATED_AT'))).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
    expect(fieldOf(() => decodeKeyset(encodeCursor(['c', 'yesterday', hit.note.id]), 'CREATED_AT'))).toMatchObject({ field: 'after' });
    expect(fieldOf(() => decodeKeyset(encodeCursor(['c', '2026-11-26T10:00:00.000Z', "'; drop table"]), 'CREATED_AT'))).toMatchObject({ field: 'after' });
  });
});
