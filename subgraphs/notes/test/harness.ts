import type { PubSub, QueryObserver } from '@mosaic/kit';
import { createTestAuth, createTestDatabase, graphql, serveModuleForTest, type TestAuth, type TestDatabase } from '@mosaic/testing';
import notes from '../src/index';

/**
 * The notes subgraph over real HTTP on a fresh database, with real access tokens and a movable
 * clock. `onQuery` sees every SQL statement the subgraph issues (statement counting).
 */
export async function startNotes(options: { onQuery?: QueryObserver; database?: TestDatabase; auth?: TestAuth; pubsub?: PubSub; env?: Record<string, string> } = {}) {
  const database: TestDatabase = options.database ?? (await createTestDatabase());
  const auth = options.auth ?? (await createTestAuth());
  // `tickMs`: how far the clock moves on every read (a loaded machine's clock moves between resolvers).
  const clock = { offsetMs: 0, tickMs: 0 };
  const served = await serveModuleForTest(
    notes,
    {
      db: database.appDb(options.onQuery),
      verifier: auth.verifier,
      now: () => new Date(Date.now() + (clock.offsetMs += clock.tickMs)),
      client: database.client,
      ...(options.pubsub ? { pubsub: options.pubsub } : {}),
    },
    { ...process.env, ...options.env },
  );
  const call = (query: string, variables: Record<string, unknown> = {}, token?: string) => graphql(served.url, query, variables, { token });
  return {
    url: served.url,
    wsUrl: served.url.replace('http', 'ws'),
    /** Where the public pages (`/notes/shared/<token>`) are served. */
    origin: served.origin,
    database,
    auth,
    clock,
    call,
    /** Stops the server; the database is dropped only when this app created it. */
    async close() {
      await served.close();
      if (!options.database) await database.drop();
    },
  };
}

export type NotesApp = Awaited<ReturnType<typeof startNotes>>;

export const NOTE_FIELDS = 'id title body tags pinned archived archivedAt createdAt updatedAt owner { id }';

export const CREATE = `mutation($input: CreateNoteInput!) { createNote(input: $input) { ${NOTE_FIELDS} } }`;
export const UPDATE = `mutation($id: ID!, $input: UpdateNoteInput!) { updateNote(id: $id, input: $input) { ${NOTE_FIELDS} } }`;
export const NOTE = `query($id: ID!) { note(id: $id) { ${NOTE_FIELDS} } }`;

/** `me { notes }` as the gateway resolves it: an `_entities` call with the viewer's own representation. */
export const NOTES_OF = `query($id: ID!, $first: Int, $after: String, $search: String, $filter: NoteFilter, $orderBy: NoteOrder) {
  _entities(representations: [{ __typename: "User", id: $id }]) {
    ... on User {
      notes(first: $first, after: $after, search: $search, filter: $filter, orderBy: $orderBy) {
        totalCount
        edges { cursor rank highlight { text matches { start length } } node { ${NOTE_FIELDS} } }
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      }
    }
  }
}`;

export interface NoteView {
  id: string;
  title: string;
  body: string;
  tags: string[];
  pinned: boolean;
  archived: boolean;
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
  owner: { id: string };
}

export interface EdgeView {
  cursor: string;
  rank: number | null;
  highlight: { text: string; matches: { start: number; length: number }[] } | null;
  node: NoteView;
}

export interface ConnectionView {
  totalCount: number;
  edges: EdgeView[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

/** A signed-in user with helpers bound to their token. */
export async function newMember(app: NotesApp, roles = ['user']) {
  const user = await app.auth.newUser(roles);
  return {
    ...user,
    async create(input: Record<string, unknown>): Promise<NoteView> {
      const result = await app.call(CREATE, { input }, user.token);
      if (result.errors) throw new Error(JSON.stringify(result.errors));
      return result.data!.createNote as NoteView;
    },
    async notes(variables: Record<string, unknown> = {}, owner = user.publicId) {
      return app.call(NOTES_OF, { id: owner, ...variables }, user.token);
    },
    async list(variables: Record<string, unknown> = {}): Promise<ConnectionView> {
      const result = await app.call(NOTES_OF, { id: user.publicId, ...variables }, user.token);
      if (result.errors) throw new Error(JSON.stringify(result.errors));
      return result.data!._entities[0].notes as ConnectionView;
    },
    /** Walks every page with `first`, returning the note titles in order. */
    async allTitles(variables: Record<string, unknown>, first: number): Promise<string[]> {
      const titles: string[] = [];
      let after: string | null = null;
      for (let page = 0; page < 100; page++) {
        const connection: ConnectionView = await this.list({ ...variables, first, after });
        titles.push(...connection.edges.map((edge) => edge.node.title));
        if (!connection.pageInfo.hasNextPage) return titles;
        after = connection.pageInfo.endCursor;
      }
      throw new Error('too many pages');
    },
  };
}
