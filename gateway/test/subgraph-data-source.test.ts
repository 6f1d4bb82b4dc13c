import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { SubgraphDataSource } from '../src/subgraph-data-source';

/** A subgraph that drops the first `drops` connections without answering, then answers. */
async function flakySubgraph(drops: number): Promise<{ url: string; requests: number; close(): Promise<void> }> {
  const state = { requests: 0 };
  const server: Server = createServer((req, res) => {
    state.requests++;
    if (state.requests <= drops) {
      req.socket.destroy();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"data":{"ok":true}}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    get requests() {
      return state.requests;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function send(url: string, query: string) {
  const source = new SubgraphDataSource('flaky', url, { timeoutMs: 2_000 });
  try {
    return await source.process({ kind: 'health check' as never, request: { query }, context: {} } as never);
  } finally {
    source.close();
  }
}

/** A subgraph that answers every request after a short delay, counting them. */
async function slowSubgraph(): Promise<{ url: string; requests: number; close(): Promise<void> }> {
  const state = { requests: 0 };
  const server: Server = createServer((_req, res) => {
    state.requests++;
    setTimeout(() => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"data":{"ok":{"n":1}}}');
    }, 50);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    get requests() {
      return state.requests;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe('in-flight sharing', () => {
  /** A fetch of a client operation of type `operation` (the fetch itself is `query` unless it says otherwise). */
  const call = (source: SubgraphDataSource, query: string, authorization?: string, operation: 'query' | 'mutation' | 'subscription' = 'query') =>
    source.process({
      kind: 'incoming operation',
      request: { query },
      context: { requestId: 'r', viewer: null, authorization },
      incomingRequestContext: { operation: { operation } },
    } as never);

  it('sends concurrent identical queries once, and gives each caller its own objects', async () => {
    const subgraph = await slowSubgraph();
    closers.push(subgraph.close);
    const source = new SubgraphDataSource('slow', subgraph.url, { timeoutMs: 2_000 });
    const [a, b, c] = await Promise.all([call(source, '{ ok { n } }'), call(source, '{ ok { n } }'), call(source, '{ ok { n } }')]);
    expect(subgraph.requests).toBe(1);
    expect(a).toEqual(b);
    expect(a.data).not.toBe(b.data);
    expect(c.data!.ok).not.toBe(a.data!.ok);
    source.close();
  });

  it('never shares between different credentials or for mutations', async () => {
    const subgraph = await slowSubgraph();
    closers.push(subgraph.close);
    const source = new SubgraphDataSource('slow', subgraph.url, { timeoutMs: 2_000 });
    await Promise.all([call(source, '{ ok { n } }', 'Bearer a'), call(source, '{ ok { n } }', 'Bearer b')]);
    expect(subgraph.requests).toBe(2);
    await Promise.all([call(source, 'mutation { ok { n } }', undefined, 'mutation'), call(source, 'mutation { ok { n } }', undefined, 'mutation')]);
    expect(subgraph.requests).toBe(4);
    source.close();
  });

  it("never lets a mutation plan's follow-up read ride on a read that started before the write", async () => {
    const subgraph = await versionedSubgraph();
    closers.push(subgraph.close);
    const source = new SubgraphDataSource('versioned', subgraph.url, { timeoutMs: 2_000 });
    const entities = 'query($representations:[_Any!]!){_entities(representations:$representations){...on Todo{title}}}';
    // A query plan's read is in flight (the subgraph answers it with the state it saw on arrival)…
    const before = call(source, entities);
    await expect.poll(() => subgraph.requests).toBe(1);
    // …the mutation writes, and its plan then reads the same entity: it must see the write.
    subgraph.write();
    const after = await call(source, entities, undefined, 'mutation');
    expect(subgraph.requests).toBe(2);
    expect(after.data).toEqual({ version: 2 });
    expect((await before).data).toEqual({ version: 1 });
    // Subscription events' entity fetches follow a change too.
    const eventRead = call(source, entities, undefined, 'subscription');
    const queryRead = call(source, entities);
    await Promise.all([eventRead, queryRead]);
    expect(subgraph.requests).toBe(4);
    source.close();
  });
});

/** Answers every request after 100 ms with the version it saw when the request arrived. */
async function versionedSubgraph(): Promise<{ url: string; requests: number; write(): void; close(): Promise<void> }> {
  const state = { requests: 0, version: 1 };
  const server: Server = createServer((_req, res) => {
    state.requests++;
    const seen = state.version;
    setTimeout(() => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ data: { version: seen } }));
    }, 100);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    get requests() {
      return state.requests;
    },
    write: () => void state.version++,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe('SubgraphDataSource', () => {
  it('retries a query once when the connection dropped before any answer', async () => {
    const subgraph = await flakySubgraph(1);
    closers.push(subgraph.close);
    expect(await send(subgraph.url, '{ ok }')).toMatchObject({ data: { ok: true } });
    expect(subgraph.requests).toBe(2);
  });

  it('never retries a mutation, and reports the failure as UNAVAILABLE without internals', async () => {
    const subgraph = await flakySubgraph(1);
    closers.push(subgraph.close);
    const failure = await send(subgraph.url, 'mutation { ok }').catch((error: unknown) => error);
    expect(subgraph.requests).toBe(1);
    expect(failure).toMatchObject({ extensions: { code: 'UNAVAILABLE', serviceName: 'flaky' } });
    expect((failure as Error).message).not.toMatch(/127\.0\.0\.1|socket|fetch failed/);
  });

  it('gives up after one retry', async () => {
    const subgraph = await flakySubgraph(5);
    closers.push(subgraph.close);
    await expect(send(subgraph.url, 'query { ok }')).rejects.toMatchObject({ extensions: { code: 'UNAVAILABLE' } });
    expect(subgraph.requests).toBe(2);
  });
});
