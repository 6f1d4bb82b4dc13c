import { ApolloClient, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { Defer20220824Handler } from '@apollo/client/incremental';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect, wsClient } from '@mosaic/testing';
import { startTestGraph, type TestGraph } from '../src/testing/test-graph';

/**
 * @defer on the real graph: `me` (accounts) with its todos (todos) in the first payload and its
 * notes (notes, an entity fetch of its own) deferred — over raw multipart HTTP, with Apollo Client,
 * and over graphql-ws.
 */
let graph: TestGraph;
let token: string;
let userId: string;
beforeAll(async () => {
  graph = await startTestGraph();
  ({ token, userId } = await graph.signUp('deferred@example.com'));
  for (const title of ['Water the plants', 'Call the bank']) {
    expect((await graph.call(`mutation($input: CreateTodoInput!) { createTodo(input: $input) { id } }`, { input: { title } }, token)).errors).toBeUndefined();
  }
  expect((await graph.call(`mutation($input: CreateNoteInput!) { createNote(input: $input) { id } }`, { input: { title: 'Plant schedule', body: 'Ferns on Mondays' } }, token)).errors).toBeUndefined();
});
afterAll(() => graph?.close());

const ME = `query MeDeferred {
  me {
    email
    todos(orderBy: { field: CREATED_AT, direction: ASC }) { edges { node { title done } } }
    ... @defer(label: "notes") { notes { edges { node { title body } } } }
  }
}`;
const TODOS = { edges: [{ node: { title: 'Water the plants', done: false } }, { node: { title: 'Call the bank', done: false } }] };
const NOTES = { edges: [{ node: { title: 'Plant schedule', body: 'Ferns on Mondays' } }] };

async function multipart(response: Response): Promise<Record<string, unknown>[]> {
  const text = await response.text();
  return text
    .split('\r\n---')
    .map((part) => part.slice(part.indexOf('\r\n\r\n') + 4).trim())
    .filter((body) => body.startsWith('{'))
    .map((body) => JSON.parse(body) as Record<string, unknown>);
}

describe('@defer on the real graph', () => {
  it('streams me with its todos first, then the notes', async () => {
    const response = await fetch(graph.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'multipart/mixed;deferSpec=20220824,application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: ME }),
    });
    expect(response.headers.get('content-type')).toBe('multipart/mixed; boundary="-"; deferSpec=20220824');
    expect(await multipart(response)).toEqual([
      { data: { me: { email: 'deferred@example.com', todos: TODOS } }, hasNext: true },
      { incremental: [{ data: { notes: NOTES }, path: ['me'], label: 'notes' }], hasNext: false },
    ]);
  });

  it('gives Apollo Client the todos while streaming and the notes when complete', async () => {
    const client = new ApolloClient({
      link: new HttpLink({ uri: graph.gatewayUrl, headers: { authorization: `Bearer ${token}` } }),
      cache: new InMemoryCache(),
      incrementalHandler: new Defer20220824Handler(),
    });
    const states: { dataState: string; hasNotes: boolean; todos: number }[] = [];
    await new Promise<void>((resolve, reject) => {
      const subscription = client.watchQuery({ query: gql(ME), fetchPolicy: 'network-only' }).subscribe({
        next: (result) => {
          if (result.data === undefined) return;
          const me = (result.data as { me: { todos: { edges: unknown[] }; notes?: unknown } }).me;
          states.push({ dataState: result.dataState, hasNotes: me.notes !== undefined, todos: me.todos.edges.length });
          if (result.dataState === 'complete') {
            subscription.unsubscribe();
            resolve();
          }
        },
        error: reject,
      });
    });
    client.stop();
    expect(states[0]).toEqual({ dataState: 'streaming', hasNotes: false, todos: 2 });
    expect(states.at(-1)).toEqual({ dataState: 'complete', hasNotes: true, todos: 2 });
  });

  it('sends the same payloads as successive graphql-ws next messages', async () => {
    const client = wsClient(graph.gatewayUrl.replace(/^http/, 'ws'), token);
    const collected = collect(client, ME);
    expect(await collected.ended).toEqual({ completed: true });
    expect(collected.results).toEqual([
      { data: { me: { email: 'deferred@example.com', todos: TODOS } }, hasNext: true },
      { incremental: [{ data: { notes: NOTES }, path: ['me'], label: 'notes' }], hasNext: false },
    ]);
    await client.dispose();
  });

  it('gives an anonymous caller the public profile first, and the guarded notes as null with UNAUTHENTICATED in the deferred payload', async () => {
    const response = await fetch(graph.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'multipart/mixed;deferSpec=20220824,application/json' },
      body: JSON.stringify({ query: `query($id: ID!) { user(id: $id) { displayName ... @defer { notes { edges { node { title } } } } } }`, variables: { id: userId } }),
    });
    const payloads = await multipart(response);
    expect(payloads).toHaveLength(2);
    expect(payloads[0]).toEqual({ data: { user: { displayName: expect.any(String) } }, hasNext: true });
    expect(payloads[1]).toEqual({
      incremental: [{ data: { notes: null }, path: ['user'], errors: [expect.objectContaining({ path: ['user', 'notes'], extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) })] }],
      hasNext: false,
    });
  });
});
