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
  const call = (source: SubgraphDataSource, query: string, authorization?: string) =>
    source.process({ kind: 'incoming operation', request: { query }, context: { requestId: 'r', viewer: null, authorization } } as never);

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
    await Promise.all([call(source, 'mutation { ok { n } }'), call(source, 'mutation { ok { n } }')]);
    expect(subgraph.requests).toBe(4);
    source.close();
  });
});

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
