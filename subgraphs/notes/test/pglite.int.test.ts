import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations, drizzleOver, openSqlClient, type SqlClient } from '@mosaic/kit';
import { createTestAuth, errorCodes, graphql, serveModuleForTest, type ServedSubgraph, type TestAuth } from '@mosaic/testing';
import notes from '../src/index';
import { CREATE, NOTES_OF, UPDATE } from './harness';

/**
 * All-in-one mode stores data in PGlite (PostgreSQL compiled to WASM): the same migrations and
 * every kind of SQL the subgraph issues must work there too.
 */
let client: SqlClient;
let served: ServedSubgraph;
let auth: TestAuth;
beforeAll(async () => {
  client = await openSqlClient({ kind: 'pglite', dataDir: 'memory://' });
  await applyMigrations(client, notes.migrations);
  auth = await createTestAuth();
  served = await serveModuleForTest(notes, { db: drizzleOver(client), client, verifier: auth.verifier });
}, 60_000);
afterAll(async () => {
  await served.close();
  await client.close();
});

describe('on PGlite', () => {
  it('runs writes, search with highlights, every order with cursors, filters, counts and batching', async () => {
    const ada = await auth.newUser();
    const call = (query: string, variables: Record<string, unknown> = {}) => graphql(served.url, query, variables, { token: ada.token });
    const ids: string[] = [];
    for (const input of [
      { title: 'Morning run', body: 'Ran along the river.', tags: ['Sport'] },
      { title: 'shoes', body: 'Running shoes wear out.', tags: ['sport', 'gear'], pinned: true },
      { title: 'Tea', body: 'Green tea at 80 degrees.' },
    ]) {
      const created = await call(CREATE, { input });
      expect(created.errors).toBeUndefined();
      ids.push(created.data!.createNote.id);
    }
    const first = (await call(`query($id: ID!) { note(id: $id) { updatedAt } }`, { id: ids[2] })).data!.note.updatedAt;
    expect(errorCodes(await call(UPDATE, { id: ids[2], input: { body: 'Black tea at 95.', expectedUpdatedAt: first } }))).toEqual([]);
    expect(errorCodes(await call(UPDATE, { id: ids[2], input: { body: 'stale', expectedUpdatedAt: first } }))).toEqual(['CONFLICT']);
    await call(`mutation($id: ID!) { addNoteTags(id: $id, tags: ["Drinks"]) { id } archiveNote(id: $id) { id } }`, { id: ids[2] });

    const list = async (variables: Record<string, unknown>) => {
      const result = await call(NOTES_OF, { id: ada.publicId, ...variables });
      expect(result.errors).toBeUndefined();
      return result.data!._entities[0].notes as { totalCount: number; edges: { rank: number | null; highlight: { text: string; matches: unknown[] } | null; node: { title: string } }[]; pageInfo: { endCursor: string } };
    };
    const searched = await list({ search: 'running' });
    expect(searched.edges.map((e) => e.node.title)).toEqual(['Morning run', 'shoes']);
    expect(searched.edges[0]!.rank).toBeGreaterThan(searched.edges[1]!.rank!);
    expect(searched.edges[1]!.highlight!.matches).toHaveLength(1);

    for (const orderBy of ['UPDATED_AT', 'CREATED_AT', 'TITLE', 'RELEVANCE']) {
      const search = orderBy === 'RELEVANCE' ? 'sport' : null;
      const page1 = await list({ orderBy, search, first: 1 });
      const page2 = await list({ orderBy, search, first: 1, after: page1.pageInfo.endCursor });
      expect(page2.edges).toHaveLength(1);
      expect(page2.edges[0]!.node.title).not.toBe(page1.edges[0]!.node.title);
    }
    expect((await list({ filter: { tags: ['SPORT'], pinned: true } })).edges.map((e) => e.node.title)).toEqual(['shoes']);
    expect((await list({ filter: { archived: true, updatedAfter: '2000-01-01T00:00:00Z' } })).totalCount).toBe(1);
    expect((await call(`{ noteTags { name count } }`)).data!.noteTags).toEqual([
      { name: 'sport', count: 2 },
      { name: 'gear', count: 1 },
    ]);

    const admin = await auth.newUser(['user', 'admin']);
    const reps = [ada.publicId, admin.publicId].map((id) => ({ __typename: 'User', id }));
    const batched = await graphql(served.url, `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on User { notes { totalCount } } } }`, { reps }, { token: admin.token });
    expect(batched.data!._entities).toEqual([{ notes: { totalCount: 2 } }, { notes: { totalCount: 0 } }]);
  });
});
