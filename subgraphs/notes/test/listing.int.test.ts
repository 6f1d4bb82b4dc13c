import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeCursor } from '@mosaic/kit';
import { errorCodes } from '@mosaic/testing';
import { UPDATE, newMember, startNotes, type NoteView, type NotesApp } from './harness';

let app: NotesApp;
beforeAll(async () => {
  app = await startNotes();
});
afterAll(() => app.close());

/** Creates notes one simulated minute apart, so recency orders are unambiguous. */
async function seed(member: Awaited<ReturnType<typeof newMember>>, inputs: Record<string, unknown>[]): Promise<NoteView[]> {
  const created: NoteView[] = [];
  for (const input of inputs) {
    app.clock.offsetMs += 60_000;
    created.push(await member.create(input));
  }
  return created;
}

const PIN = `mutation($id: ID!) { pinNote(id: $id) { id } }`;

describe('orders and pagination', () => {
  let member: Awaited<ReturnType<typeof newMember>>;
  let created: NoteView[];
  beforeAll(async () => {
    member = await newMember(app);
    created = await seed(member, [
      { title: 'banana' },
      { title: 'Apple' },
      { title: 'cherry', pinned: true },
      { title: 'apple' },
      { title: '' },
      { title: 'Date' },
      { title: 'elderberry', pinned: true },
    ]);
    // Editing the first note makes it the most recently changed one.
    app.clock.offsetMs += 60_000;
    await app.call(UPDATE, { id: created[0]!.id, input: { body: 'edited' } }, member.token);
  });

  it('UPDATED_AT (the default): pinned first, then most recently changed', async () => {
    const titles = (await member.list()).edges.map((e) => e.node.title);
    expect(titles).toEqual(['elderberry', 'cherry', 'banana', 'Date', '', 'apple', 'Apple']);
  });

  it('CREATED_AT: newest first, edits do not move a note', async () => {
    const titles = (await member.list({ orderBy: 'CREATED_AT' })).edges.map((e) => e.node.title);
    expect(titles).toEqual(['elderberry', 'Date', '', 'apple', 'cherry', 'Apple', 'banana']);
  });

  it('TITLE: A to Z ignoring case, equal titles in id order, empty titles first', async () => {
    const edges = (await member.list({ orderBy: 'TITLE' })).edges;
    expect(edges.map((e) => e.node.title)).toEqual(['', 'Apple', 'apple', 'banana', 'cherry', 'Date', 'elderberry']);
    expect(edges[1]!.node.id).toBe(created[1]!.id); // created before its lower-case twin, so a smaller uuidv7
  });

  it.each(['UPDATED_AT', 'CREATED_AT', 'TITLE'])('%s pages of every size give the same sequence as one page', async (orderBy) => {
    const all = (await member.list({ orderBy, first: 100 })).edges.map((e) => e.node.title);
    for (const size of [1, 2, 3, 6]) expect(await member.allTitles({ orderBy }, size)).toEqual(all);
  });

  it('reports page boundaries: hasNextPage, hasPreviousPage and cursors', async () => {
    const first = await member.list({ first: 3 });
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(first.pageInfo.startCursor).toBe(first.edges[0]!.cursor);
    expect(first.pageInfo.endCursor).toBe(first.edges[2]!.cursor);
    const rest = await member.list({ first: 10, after: first.pageInfo.endCursor });
    expect(rest.edges).toHaveLength(4);
    expect(rest.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    expect(rest.totalCount).toBe(7);
  });

  it('keeps pages stable when notes are added or pinned between requests', async () => {
    const other = await newMember(app);
    const notes = await seed(other, [{ title: 'n1' }, { title: 'n2' }, { title: 'n3' }, { title: 'n4' }]);
    const first = await other.list({ orderBy: 'CREATED_AT', first: 2 });
    expect(first.edges.map((e) => e.node.title)).toEqual(['n4', 'n3']);
    await seed(other, [{ title: 'n5' }]);
    await app.call(PIN, { id: notes[0]!.id }, other.token);
    const second = await other.list({ orderBy: 'CREATED_AT', first: 2, after: first.pageInfo.endCursor });
    expect(second.edges.map((e) => e.node.title)).toEqual(['n2', 'n1']);
    expect(second.pageInfo.hasNextPage).toBe(false);
  });

  it('refuses a forged cursor, a cursor of another order and a page size out of range', async () => {
    const titleCursor = (await member.list({ orderBy: 'TITLE', first: 1 })).pageInfo.endCursor;
    for (const variables of [
      { after: 'bm9wZQ' },
      { after: titleCursor },
      { after: encodeCursor(['u', true, 'not a date', 'x']) },
      { after: encodeCursor(['u', true, '2026-01-01T00:00:00.000Z', "1' or '1'='1"]) },
    ]) {
      const result = await member.notes(variables);
      expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors![0]!.extensions!.field).toBe('after');
    }
    for (const first of [0, -1, 101]) {
      const result = await member.notes({ first });
      expect(result.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    }
  });
});

describe('filters', () => {
  let member: Awaited<ReturnType<typeof newMember>>;
  let created: NoteView[];
  beforeAll(async () => {
    member = await newMember(app);
    created = await seed(member, [
      { title: 'w1', tags: ['work', 'urgent'], pinned: true },
      { title: 'w2', tags: ['work'] },
      { title: 'h1', tags: ['home', 'urgent'] },
      { title: 'h2', tags: ['home'] },
      { title: 'w3', tags: ['work', 'urgent'] },
    ]);
    await app.call(`mutation($id: ID!) { archiveNote(id: $id) { id } }`, { id: created[4]!.id }, member.token);
  });

  const titlesWith = async (filter: Record<string, unknown>) => (await member.list({ filter, orderBy: 'CREATED_AT' })).edges.map((e) => e.node.title);

  it('by pinned', async () => {
    expect(await titlesWith({ pinned: true })).toEqual(['w1']);
    expect(await titlesWith({ pinned: false })).toEqual(['h2', 'h1', 'w2']);
  });

  it('by tags: notes carrying all of them, compared after normalising', async () => {
    expect(await titlesWith({ tags: ['WORK'] })).toEqual(['w2', 'w1']);
    expect(await titlesWith({ tags: ['work', ' Urgent'] })).toEqual(['w1']);
    expect(await titlesWith({ tags: ['urgent'], archived: null })).toEqual(['w3', 'h1', 'w1']);
    expect(await titlesWith({ tags: ['nothing-has-this'] })).toEqual([]);
  });

  it('by archived: left out by default, only them with true, both with null', async () => {
    expect(await titlesWith({})).toEqual(['h2', 'h1', 'w2', 'w1']);
    expect(await titlesWith({ archived: true })).toEqual(['w3']);
    expect(await titlesWith({ archived: null })).toEqual(['w3', 'h2', 'h1', 'w2', 'w1']);
  });

  it('by updatedAfter (exclusive), for syncing what changed', async () => {
    const since = created[2]!.updatedAt;
    expect(await titlesWith({ updatedAfter: since, archived: null })).toEqual(['w3', 'h2']);
    expect(await titlesWith({ updatedAfter: '2000-01-01T00:00:00+02:00' })).toHaveLength(4);
  });

  it('totalCount counts the filtered list, not the page', async () => {
    const connection = await member.list({ filter: { tags: ['work'] }, first: 1 });
    expect(connection.edges).toHaveLength(1);
    expect(connection.totalCount).toBe(2);
  });

  it('refuses invalid filter tags and a malformed instant', async () => {
    const badTag = await member.notes({ filter: { tags: ['ok', 'not ok'] } });
    expect(badTag.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.tags.1' });
    const badInstant = await member.notes({ filter: { updatedAfter: 'yesterday' } });
    expect(errorCodes(badInstant)).toEqual(['BAD_USER_INPUT']);
  });
});
