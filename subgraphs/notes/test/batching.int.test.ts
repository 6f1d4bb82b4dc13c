import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StatementCounter } from '@mosaic/testing';
import { newMember, startNotes, type NotesApp } from './harness';

const counter = new StatementCounter();
let app: NotesApp;
let admin: Awaited<ReturnType<typeof newMember>>;
const users: Awaited<ReturnType<typeof newMember>>[] = [];
const noteIds: string[] = [];

beforeAll(async () => {
  app = await startNotes({ onQuery: counter.observe });
  admin = await newMember(app, ['user', 'admin']);
  for (let i = 0; i < 20; i++) {
    const user = await newMember(app);
    users.push(user);
    // Uneven lists: some users have none, some more than a page.
    for (let n = 0; n < i % 5; n++) noteIds.push((await user.create({ title: `note ${n} of user ${i}`, body: 'plain tomato soup' })).id);
  }
});
afterAll(() => app.close());

/** What the gateway sends for `users { notes }` across subgraphs: one `_entities` call with N representations. */
const ENTITIES = `query($reps: [_Any!]!, $search: String) {
  _entities(representations: $reps) {
    ... on User { id notes(first: 3, search: $search) { totalCount edges { rank highlight { text } node { title } } } }
  }
}`;

async function statementsFor(n: number, search?: string) {
  const reps = users.slice(0, n).map((user) => ({ __typename: 'User', id: user.publicId }));
  counter.reset();
  const result = await app.call(ENTITIES, { reps, search }, admin.token);
  expect(result.errors).toBeUndefined();
  expect(result.data!._entities).toHaveLength(n);
  return { count: counter.count, entities: result.data!._entities as { id: string; notes: { totalCount: number; edges: unknown[] } }[] };
}

describe('no N+1', () => {
  it('User.notes for 2 users and for 20 users costs the same, small number of statements', async () => {
    const two = await statementsFor(2);
    const twenty = await statementsFor(20);
    expect(twenty.count).toBe(two.count);
    // One page query + one count query, for all users at once; each in its own transaction, opened
    // by one row-level-security tenant binding (set_config).
    expect(twenty.count).toBe(4);
    // Each user got their own notes, capped at the page size.
    twenty.entities.forEach((entity, i) => {
      expect(entity.id).toBe(users[i]!.publicId);
      expect(entity.notes.edges).toHaveLength(Math.min(i % 5, 3));
      expect(entity.notes.totalCount).toBe(i % 5);
    });
  });

  it('also while searching with highlights', async () => {
    const two = await statementsFor(2, 'tomato');
    const twenty = await statementsFor(20, 'tomato');
    expect(twenty.count).toBe(two.count);
    expect(twenty.count).toBe(4);
  });

  it('and for Note entities: one statement (after its tenant binding) for any number of notes', async () => {
    const owner = users[4]!;
    const own = (await owner.list()).edges.map((edge) => edge.node.id);
    counter.reset();
    const reps = own.map((id) => ({ __typename: 'Note', id }));
    const result = await app.call(`query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Note { title } } }`, { reps }, owner.token);
    expect(result.data!._entities).toHaveLength(own.length);
    expect(counter.count).toBe(2);
  });
});
