import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTrustedDocuments } from '../src/index';
import { startDeferTestGraph, type DeferTestGraph } from './defer-test-graph';
import { multipartPayloads } from './multipart';

/**
 * @defer behind the gateway's guards: a trusted document with @defer runs by its id in strict
 * mode (and the same text not in the manifest is refused), demand control costs the whole
 * document — deferred fragments included — before anything runs, and the depth limit counts
 * through deferred fragments.
 */
const DEFERRED = `query PostsWithLikes { posts { title ... @defer { likes } } }`;
const documentId = `sha256:${createHash('sha256').update(DEFERRED).digest('hex')}`;

let graph: DeferTestGraph;
beforeAll(async () => {
  const manifest = join(mkdtempSync(join(tmpdir(), 'defer-trusted-')), 'persisted-documents.json');
  writeFileSync(manifest, JSON.stringify({ [documentId]: DEFERRED }));
  graph = await startDeferTestGraph({ trustedDocuments: loadTrustedDocuments('strict', manifest) });
});
afterAll(async () => {
  await graph?.close();
});

const post = (body: Record<string, unknown>) =>
  fetch(graph.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'multipart/mixed;deferSpec=20220824,application/json' }, body: JSON.stringify(body) });

describe('@defer behind the guards', () => {
  it('runs a trusted document with @defer by its id, incrementally', async () => {
    const response = await post({ documentId });
    expect(response.status).toBe(200);
    const payloads: Record<string, unknown>[] = [];
    for await (const payload of multipartPayloads(response)) payloads.push(payload);
    expect(payloads[0]).toEqual({ data: { posts: [{ title: 'First' }, { title: 'Broken likes' }, { title: 'Third' }] }, hasNext: true });
    expect(payloads.at(-1)).toMatchObject({ hasNext: false });
  });

  it('refuses a deferred document that is not in the manifest (strict)', async () => {
    const response = await post({ query: `{ posts { title ... @defer { likes } } }` });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('PERSISTED_QUERY_NOT_ALLOWED');
  });

  it('costs the deferred fragments with the rest, refusing before anything is fetched', async () => {
    const manifest = join(mkdtempSync(join(tmpdir(), 'defer-cost-')), 'persisted-documents.json');
    const expensive = `query Expensive { posts { title ... @defer { likes author { notes { text } } } } }`;
    writeFileSync(manifest, JSON.stringify({ [`sha256:${createHash('sha256').update(expensive).digest('hex')}`]: expensive }));
    const costly = await startDeferTestGraph({ trustedDocuments: loadTrustedDocuments('strict', manifest), demandControl: { mode: 'enforce', maxCost: 40, defaultListSize: 10 } });
    try {
      const response = await fetch(costly.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'multipart/mixed;deferSpec=20220824,application/json' },
        body: JSON.stringify({ query: expensive }),
      });
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      const body = (await response.json()) as { errors: { extensions: { code: string } }[]; data?: unknown };
      expect(body.errors[0]!.extensions.code).toBe('OPERATION_TOO_EXPENSIVE');
      expect(body.data).toBeUndefined();
      expect(costly.extrasCalls).toEqual([]);
    } finally {
      await costly.close();
    }
  });

  it('counts depth through deferred fragments', async () => {
    const manifest = join(mkdtempSync(join(tmpdir(), 'defer-depth-')), 'persisted-documents.json');
    const deep = `query Deep { posts { ... @defer { author { notes { text } } } } }`;
    writeFileSync(manifest, JSON.stringify({ [`sha256:${createHash('sha256').update(deep).digest('hex')}`]: deep }));
    const limited = await startDeferTestGraph({ trustedDocuments: loadTrustedDocuments('strict', manifest), limits: { maxDepth: 3 } });
    try {
      const response = await fetch(limited.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'multipart/mixed;deferSpec=20220824,application/json' },
        body: JSON.stringify({ query: deep }),
      });
      const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
      expect(body.errors[0]!.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(body.errors[0]!.message).toMatch(/depth/i);
    } finally {
      await limited.close();
    }
  });

  it('delivers the primary payload when the deferred subgraph is down, and UNAVAILABLE with nulls in the deferred one', async () => {
    const down = await startDeferTestGraph();
    try {
      await down.stopExtras();
      const response = await fetch(down.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'multipart/mixed;deferSpec=20220824,application/json' },
        body: JSON.stringify({ query: `{ posts { title ... @defer { likes } } }` }),
      });
      const payloads: Record<string, unknown>[] = [];
      for await (const payload of multipartPayloads(response)) payloads.push(payload);
      expect(payloads[0]).toEqual({ data: { posts: [{ title: 'First' }, { title: 'Broken likes' }, { title: 'Third' }] }, hasNext: true });
      const entries = (payloads[1] as { incremental: { data: unknown; path: unknown[]; errors?: { message: string; path?: unknown[]; extensions: { code: string } }[] }[] }).incremental;
      expect(entries.map((e) => [e.path, e.data])).toEqual([
        [['posts', 0], null],
        [['posts', 1], null],
        [['posts', 2], null],
      ]);
      // The failed fetch's error goes with the first entry; each other null says why it is null.
      expect(entries[0]!.errors?.map((e) => e.extensions.code)).toContain('UNAVAILABLE');
      expect(entries[1]!.errors?.map((e) => e.path)).toEqual([['posts', 1, 'likes']]);
      expect(entries[2]!.errors?.map((e) => e.path)).toEqual([['posts', 2, 'likes']]);
    } finally {
      await down.close();
    }
  });
});
