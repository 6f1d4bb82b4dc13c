import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { collect, errorCodes, graphql, wsClient } from '@mosaic/testing';
import { createMemoryRateLimiter, loadTrustedDocuments } from '../src/index';
import { startFederatedTestGraph, type FederatedTestGraph } from './federated-test-graph';

/**
 * One policy for every transport: what HTTP POST refuses, HTTP GET and graphql-ws refuse too —
 * queries, mutations and subscriptions over the socket alike.
 */
const PING = 'query Ping { ping }';
const ROOM = 'subscription Room($room: String!) { messageAdded(room: $room) { id text } }';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function manifestOf(...documents: string[]): string {
  const path = join(mkdtempSync(join(tmpdir(), 'mosaic-manifest-')), 'persisted-documents.json');
  writeFileSync(path, JSON.stringify(Object.fromEntries(documents.map((d) => [`sha256:${sha256(d)}`, d]))));
  return path;
}

const get = (url: string, params: Record<string, string>) =>
  fetch(`${url}?${new URLSearchParams(params)}`, { headers: { 'apollo-require-preflight': 'true', accept: 'application/json' } });
const codeOf = async (response: Response) => ((await response.json()) as { errors?: { extensions?: { code?: string } }[] }).errors?.[0]?.extensions?.code;

/** The error a graphql-ws operation ended with (the client's sink gets the server's error list). */
async function wsError(client: ReturnType<typeof wsClient>, payload: Parameters<ReturnType<typeof wsClient>['subscribe']>[0]) {
  return new Promise<unknown>((resolve) => {
    client.subscribe(payload, { next: (value) => resolve({ next: value }), error: resolve, complete: () => resolve('complete') });
  });
}

/** A bare WebSocket upgrade: open, or the HTTP status it was refused with. */
const upgrade = (url: string) =>
  new Promise<{ status: number | 'open'; socket?: WebSocket }>((resolve) => {
    const socket = new WebSocket(url, 'graphql-transport-ws');
    socket.once('open', () => resolve({ status: 'open', socket }));
    socket.once('unexpected-response', (_req, res) => resolve({ status: res.statusCode ?? 0 }));
    socket.once('error', () => undefined);
  });

describe('trusted documents, strict, on every transport and method', () => {
  let graph: FederatedTestGraph;
  beforeAll(async () => {
    graph = await startFederatedTestGraph({}, { trustedDocuments: loadTrustedDocuments('strict', manifestOf(PING, ROOM)) });
  });
  afterAll(() => graph?.close());

  it('refuses an ad-hoc query sent with GET, and runs a persisted one by id', async () => {
    const adHoc = await get(graph.gatewayUrl, { query: '{ ping }' });
    expect(adHoc.status).toBe(400);
    expect(await codeOf(adHoc)).toBe('PERSISTED_QUERY_NOT_ALLOWED');
    const byId = await get(graph.gatewayUrl, { documentId: `sha256:${sha256(PING)}` });
    expect(await byId.json()).toEqual({ data: { ping: 'pong' } });
    const byApqExtension = await get(graph.gatewayUrl, { extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: sha256(PING) } }) });
    expect(await byApqExtension.json()).toEqual({ data: { ping: 'pong' } });
    const trustedText = await get(graph.gatewayUrl, { query: PING });
    expect(await trustedText.json()).toEqual({ data: { ping: 'pong' } });
  });

  it('refuses ad-hoc POSTs and batches; still serves the landing page (it runs nothing)', async () => {
    const adHoc = await graphql(graph.gatewayUrl, '{ ping }');
    expect([adHoc.status, errorCodes(adHoc)]).toEqual([400, ['PERSISTED_QUERY_NOT_ALLOWED']]);
    const batch = await fetch(graph.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify([{ query: PING }, { query: '{ ping }' }]) });
    expect(await codeOf(batch)).toBe('PERSISTED_QUERY_NOT_ALLOWED');
    const page = await fetch(graph.gatewayUrl, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
  });

  it('refuses ad-hoc queries and subscriptions over graphql-ws, and streams a persisted subscription', async () => {
    const { token } = await graph.auth.newUser();
    const client = wsClient(graph.wsUrl, token);
    expect(await wsError(client, { query: '{ ping }' })).toEqual([expect.objectContaining({ extensions: { code: 'PERSISTED_QUERY_NOT_ALLOWED' } })]);
    expect(await wsError(client, { query: 'subscription { messageAdded(room: "r") { id } }' })).toEqual([
      expect.objectContaining({ extensions: { code: 'PERSISTED_QUERY_NOT_ALLOWED' } }),
    ]);
    expect(await wsError(client, { query: '', extensions: { persistedQuery: { version: 1, sha256Hash: sha256(PING) } } })).toEqual({ next: { data: { ping: 'pong' } } });

    const events: unknown[] = [];
    const stop = client.subscribe(
      { query: '', variables: { room: 'strict' }, extensions: { persistedQuery: { version: 1, sha256Hash: sha256(ROOM) } } },
      { next: (value) => events.push(value), error: (error) => events.push({ error }), complete: () => undefined },
    );
    await expect.poll(() => graph.roomListeners('strict')).toBe(1);
    await graph.publish('strict', { id: 'm1', text: 'persisted', room: 'strict', author: { __typename: 'User', id: 'u1' } });
    await expect.poll(() => events).toEqual([{ data: { messageAdded: { id: 'm1', text: 'persisted' } } }]);
    stop();
    await client.dispose();
  });
});

describe('rate limits and connection limits over graphql-ws', () => {
  let graph: FederatedTestGraph;
  beforeAll(async () => {
    graph = await startFederatedTestGraph({}, { rateLimits: { limiter: createMemoryRateLimiter(), perIp: 4, perUser: 0 } });
  });
  afterAll(() => graph?.close());

  it('counts every operation on a socket against the same budget as HTTP, and refuses the upgrade once it is spent', async () => {
    const { token } = await graph.auth.newUser();
    // One socket for all of them (not closed between operations).
    const client = wsClient(graph.wsUrl, token, { lazyCloseTimeout: 60_000 });
    // The upgrade is the first of 4; three queries fit, the fourth does not.
    for (let i = 0; i < 3; i++) expect(await wsError(client, { query: '{ ping }' })).toEqual({ next: { data: { ping: 'pong' } } });
    expect(await wsError(client, { query: '{ ping }' })).toEqual([expect.objectContaining({ extensions: { code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) } })]);
    const stream = collect(client, 'subscription { messageAdded(room: "x") { id } }');
    expect((await stream.ended).error).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'RATE_LIMITED' }) })]);
    await client.dispose();
    expect((await upgrade(graph.wsUrl)).status).toBe(429);
    const http = await graphql(graph.gatewayUrl, '{ ping }');
    expect([http.status, errorCodes(http)]).toEqual([429, ['RATE_LIMITED']]);
  });
});

describe('open sockets per address', () => {
  let graph: FederatedTestGraph;
  beforeAll(async () => {
    graph = await startFederatedTestGraph({ maxConnectionsPerAddress: 2 });
  });
  afterAll(() => graph?.close());

  it('refuses a socket past the limit with 429, and accepts one again after another closes', async () => {
    const first = await upgrade(graph.wsUrl);
    const second = await upgrade(graph.wsUrl);
    expect([first.status, second.status]).toEqual(['open', 'open']);
    expect((await upgrade(graph.wsUrl)).status).toBe(429);
    first.socket!.close();
    await expect.poll(async () => {
      const next = await upgrade(graph.wsUrl);
      next.socket?.close();
      return next.status;
    }).toBe('open');
    second.socket!.close();
  });
});
