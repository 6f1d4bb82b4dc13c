import { ApolloClient, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { Defer20220824Handler } from '@apollo/client/incremental';
import { createClient as createSseClient } from 'graphql-sse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect, wsClient } from '@mosaic/testing';
import { startDeferTestGraph, type DeferTestGraph } from './defer-test-graph';

/**
 * @defer through the gateway with real clients: Apollo Client (its HttpLink reads the multipart
 * response, Defer20220824Handler merges the payloads) shows the primary data first and the
 * deferred fragment once it arrives; graphql-ws (the `graphql-ws` client) gets each payload as
 * its own `next` message, then `complete`.
 */
let graph: DeferTestGraph;
beforeAll(async () => {
  graph = await startDeferTestGraph();
});
afterAll(async () => {
  await graph?.close();
});

const ME_WITH_NOTES = `query MeWithNotes { me { id name ... @defer { notes { id text } } } }`;

describe('@defer with Apollo Client', () => {
  it('renders the primary data first, then the merged deferred fragment', async () => {
    const client = new ApolloClient({ link: new HttpLink({ uri: graph.gatewayUrl }), cache: new InMemoryCache(), incrementalHandler: new Defer20220824Handler() });
    graph.gate.close();
    const seen: { data: unknown; dataState: string }[] = [];
    const waiters: (() => void)[] = [];
    const subscription = client.watchQuery({ query: gql(ME_WITH_NOTES), fetchPolicy: 'network-only' }).subscribe({
      next: (result) => {
        if (result.loading && result.data === undefined) return;
        seen.push({ data: result.data, dataState: result.dataState });
        for (const wake of waiters.splice(0)) wake();
      },
    });
    const until = async (count: number) => {
      while (seen.length < count) await new Promise<void>((resolve) => waiters.push(resolve));
    };
    await until(1);
    // The notes fetch is held at the subgraph: what Apollo Client shows now came from the first payload.
    expect(seen[0]).toEqual({ data: { me: { __typename: 'User', id: 'u1', name: 'Name u1' } }, dataState: 'streaming' });
    await graph.gate.waiting();
    graph.gate.open();
    await until(2);
    expect(seen.at(-1)).toEqual({
      data: {
        me: {
          __typename: 'User',
          id: 'u1',
          name: 'Name u1',
          notes: [
            { __typename: 'Note', id: 'u1-n1', text: 'Note 1 of u1' },
            { __typename: 'Note', id: 'u1-n2', text: 'Note 2 of u1' },
          ],
        },
      },
      dataState: 'complete',
    });
    subscription.unsubscribe();
    client.stop();
  });

  it('gives the deferred fragment’s errors to Apollo Client with the data that did arrive', async () => {
    const client = new ApolloClient({ link: new HttpLink({ uri: graph.gatewayUrl }), cache: new InMemoryCache(), incrementalHandler: new Defer20220824Handler() });
    const result = await client.query<{ posts: { title: string; likes?: number }[] }>({ query: gql(`query Likes { posts { id title ... @defer { likes } } }`), errorPolicy: 'all', fetchPolicy: 'network-only' });
    expect(result.data?.posts.map((p) => [p.title, p.likes])).toEqual([
      ['First', 20],
      ['Broken likes', undefined],
      ['Third', 20],
    ]);
    expect(result.error?.message).toContain('Likes are being recounted.');
    client.stop();
  });
});

describe('@defer over graphql-ws', () => {
  it('sends the primary payload and each deferred payload as successive next messages, then completes', async () => {
    const client = wsClient(graph.wsUrl);
    graph.gate.close();
    const collected = collect(client, `{ posts { title ... @defer(label: "likes") { likes } } }`);
    const [first] = await collected.waitFor(1, 15_000);
    expect(first).toEqual({ data: { posts: [{ title: 'First' }, { title: 'Broken likes' }, { title: 'Third' }] }, hasNext: true });
    await graph.gate.waiting();
    graph.gate.open();
    expect(await collected.ended).toEqual({ completed: true });
    expect(collected.results).toHaveLength(2);
    const rest = collected.results[1] as unknown as { incremental: { data: unknown; path: unknown[]; label: string; errors?: { extensions: { code: string } }[] }[]; hasNext: boolean };
    expect(rest.hasNext).toBe(false);
    expect(rest.incremental.map((entry) => [entry.path, entry.data, entry.label])).toEqual([
      [['posts', 0], { likes: 20 }, 'likes'],
      [['posts', 1], null, 'likes'],
      [['posts', 2], { likes: 20 }, 'likes'],
    ]);
    expect(rest.incremental[1]!.errors?.map((e) => e.extensions.code)).toEqual(['UNAVAILABLE']);
    await client.dispose();
  });

  it('applies edge authorization inside a deferred fragment on the socket too', async () => {
    const client = wsClient(graph.wsUrl);
    const collected = collect(client, `{ me { name ... @defer { secret } } }`);
    expect(await collected.ended).toEqual({ completed: true });
    expect(collected.results[1]).toEqual({
      incremental: [{ data: { secret: null }, path: ['me'], errors: [expect.objectContaining({ path: ['me', 'secret'], extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) })] }],
      hasNext: false,
    });
    await client.dispose();
  });
});

describe('@defer over Server-Sent Events (graphql-sse client)', () => {
  it('sends each payload as its own event, then completes', async () => {
    const client = createSseClient({ url: graph.gatewayUrl, retryAttempts: 0 });
    const results: unknown[] = [];
    await new Promise<void>((resolve, reject) => {
      client.subscribe({ query: `{ me { name ... @defer { bio } } }` }, { next: (value) => results.push(value), error: reject, complete: resolve });
    });
    expect(results).toEqual([
      { data: { me: { name: 'Name u1' } }, hasNext: true },
      { incremental: [{ data: { bio: 'Bio of u1' }, path: ['me'] }], hasNext: false },
    ]);
    client.dispose();
  });
});
