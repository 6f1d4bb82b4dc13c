import { count } from 'drizzle-orm';
import { createEventBus, createInProcessTransport, createMemoryPubSub, uuidv7, type EventEnvelope } from '@mosaic/kit';
import { createTestAuth, createTestDatabase, graphql, serveModuleForTest, StatementCounter, testEventsConfig, testLogger, withListenerCounts, type TestDatabase } from '@mosaic/testing';
import type { BuiltTodos } from '../src/build';
import { todoCompletions, todos as todosTable } from '../src/data/tables';
import todos from '../src/index';

/**
 * The todos subgraph over real HTTP on a fresh database, with real signed tokens, a statement
 * counter on its database, and a clock tests can stop at an instant.
 */
export async function startTodos() {
  const database: TestDatabase = await createTestDatabase();
  const auth = await createTestAuth();
  const counter = new StatementCounter();
  const clock = { at: null as Date | null };
  const pubsub = withListenerCounts(createMemoryPubSub());
  // Accounts' events reach todos through this in-process transport: `publish` resolves once every consumer group applied them.
  const bus = createEventBus(createInProcessTransport(), testEventsConfig, testLogger);
  const served = await serveModuleForTest(
    todos,
    {
      db: database.appDb(counter.observe),
      verifier: auth.verifier,
      now: () => clock.at ?? new Date(),
      client: database.client,
      pubsub,
      events: bus.forSubgraph('todos', database.client),
    },
    // Tests run the reminder scheduler's steps themselves (`reminders.runOnce()`).
    { TODOS_REMINDER_INTERVAL_MS: '3600000' },
  );
  const call = (query: string, variables: Record<string, unknown> = {}, token?: string) => graphql(served.url, query, variables, { token });
  const db = database.db();
  /** An event of accounts, delivered as its relay would: resolves once todos' consumers have applied it. */
  const fromAccounts = (type: string, userId: string, payload: Record<string, unknown>, occurredAt = new Date()) => {
    const envelope: EventEnvelope = { id: uuidv7(), type, version: 1, domain: 'accounts', aggregateId: userId, tenantId: null, occurredAt: occurredAt.toISOString(), traceparent: null, payload: { userId, ...payload } };
    return bus.transport.publish([envelope]);
  };
  return {
    url: served.url,
    wsUrl: served.url.replace('http', 'ws'),
    /** Live subscriptions on a topic: tests act once a stream is open (no sleeps). */
    listeners: (topic: string) => pubsub.listeners.get(topic) ?? 0,
    reminders: (served.built as BuiltTodos).reminders,
    database,
    auth,
    counter,
    clock,
    call,
    fromAccounts,
    /** A user accounts announced (account.registered), in `timeZone`. */
    async newUser(timeZone = 'UTC') {
      const user = await auth.newUser();
      await fromAccounts('account.registered', user.userId, { timeZone, registeredAt: new Date().toISOString() });
      return user;
    },
    /** account.preferences.changed for the user. */
    setTimeZone: (userId: string, timeZone: string, at = new Date()) => fromAccounts('account.preferences.changed', userId, { timeZone, changedAt: at.toISOString() }, at),
    /** Creates a todo as the token's user and returns its fields (TODO_FIELDS). */
    async create(token: string, input: Record<string, unknown>): Promise<TodoView> {
      const result = await call(CREATE, { input }, token);
      if (result.errors) throw new Error(`createTodo failed: ${JSON.stringify(result.errors)}`);
      return result.data!.createTodo as TodoView;
    },
    rowCount: async () => (await db.select({ n: count() }).from(todosTable))[0]!.n,
    completionCount: async () => (await db.select({ n: count() }).from(todoCompletions))[0]!.n,
    async close() {
      await served.close();
      await bus.close();
      await database.drop();
    },
  };
}

export type TodosApp = Awaited<ReturnType<typeof startTodos>>;

export interface TodoView {
  id: string;
  title: string;
  description: string | null;
  done: boolean;
  completedAt: string | null;
  dueAt: string | null;
  priority: 'NONE' | 'LOW' | 'MEDIUM' | 'HIGH' | 'URGENT';
  position: number;
  recurrence: string | null;
  owner: { id: string };
  createdAt: string;
  updatedAt: string;
}

export const TODO_FIELDS = 'id title description done completedAt dueAt priority position recurrence owner { id } createdAt updatedAt';
export const CREATE = `mutation($input: CreateTodoInput!) { createTodo(input: $input) { ${TODO_FIELDS} } }`;
export const UPDATE = `mutation($id: ID!, $input: UpdateTodoInput!) { updateTodo(id: $id, input: $input) { ${TODO_FIELDS} } }`;
export const COMPLETE = `mutation($id: ID!, $occurrence: DateTime) { completeTodo(id: $id, occurrence: $occurrence) { ${TODO_FIELDS} } }`;
export const REOPEN = `mutation($id: ID!) { reopenTodo(id: $id) { ${TODO_FIELDS} } }`;
export const DELETE = `mutation($id: ID!) { deleteTodo(id: $id) }`;
export const MOVE = `mutation($id: ID!, $afterId: ID, $beforeId: ID) { moveTodo(id: $id, afterId: $afterId, beforeId: $beforeId) { id position } }`;
export const GET = `query($id: ID!) { todo(id: $id) { ${TODO_FIELDS} } }`;
export const LIST = `query($first: Int, $after: String, $filter: TodoFilter, $orderBy: TodoOrder) {
  todos(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
    totalCount
    edges { cursor node { id title } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;
export const ENTITIES = `query($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on User { id todos(first: 10) { edges { node { id title } } } } }
}`;

interface ListPage {
  totalCount: number;
  edges: { cursor: string; node: { id: string; title: string } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/**
 * Follows `endCursor` page by page until the end; `between` runs after each page (to insert rows
 * while paging). Returns the titles in the order the pages gave them.
 */
export async function pageThrough(
  app: TodosApp,
  token: string,
  variables: { first: number; filter?: unknown; orderBy?: unknown },
  between?: (pageIndex: number) => Promise<void>,
): Promise<string[]> {
  const titles: string[] = [];
  let after: string | null = null;
  for (let page = 0; page < 100; page++) {
    const result = await app.call(LIST, { ...variables, after }, token);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    const connection = result.data!.todos as ListPage;
    titles.push(...connection.edges.map((edge) => edge.node.title));
    if (!connection.pageInfo.hasNextPage) return titles;
    after = connection.pageInfo.endCursor;
    await between?.(page);
  }
  throw new Error('Paging did not end.');
}
