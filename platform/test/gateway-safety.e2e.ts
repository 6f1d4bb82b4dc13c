import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditServer } from 'graphql-http';
import { createMemoryRateLimiter, loadTrustedDocuments } from '@mosaic/gateway';
import { errorCodes, graphql, repoRoot } from '@mosaic/testing';
import { startTestGraph, type TestGraph } from '../src/testing/test-graph';

/** The gateway as the internet sees it: limits before execution, trusted documents, rate limits. */
let graph: TestGraph;
beforeAll(async () => {
  graph = await startTestGraph({
    production: true,
    security: {
      trustedDocuments: loadTrustedDocuments('allow', `${repoRoot}schema/client/persisted-documents.json`),
      rateLimits: { limiter: createMemoryRateLimiter(), perIp: 0, perUser: 0, trustProxy: false },
    },
  });
});
afterAll(() => graph.close());

const post = (body: string, headers: Record<string, string> = {}) =>
  fetch(graph.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

function nested(depth: number): string {
  let selection = 'id';
  for (let i = 0; i < depth; i++) selection = i % 2 === 0 ? `todos { edges { node { owner { ${selection} } } } }` : `id ${selection}`;
  return `{ me { ${selection} } }`;
}

async function stillServing() {
  const { token } = await graph.signUp(`alive-${Date.now()}-${Math.random()}@example.com`);
  expect((await graph.call('{ me { email } }', {}, token)).errors).toBeUndefined();
}

describe('operation limits (before execution)', () => {
  it('refuses a depth-50 query with a clear validation error', async () => {
    const result = await graph.call(nested(50));
    expect(errorCodes(result)).toContain('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(result.errors)).toMatch(/depth limit of 15 exceeded/i);
    await stillServing();
  });

  it('refuses 1000 aliases (and any operation over the alias or token limits)', async () => {
    const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: me { id }`).join(' ')} }`;
    const thousand = await graph.call(aliases(1000));
    expect(errorCodes(thousand)).toContain('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(thousand.errors)).toMatch(/Token limit of 5000 exceeded/i);
    const hundred = await graph.call(aliases(100));
    expect(JSON.stringify(hundred.errors)).toMatch(/Aliases limit of 30 exceeded/i);
    await stillServing();
  });

  it('refuses a 5 MB body with 413 before reading it all', async () => {
    const response = await post(JSON.stringify({ query: `{ me { id } }`, variables: { pad: 'x'.repeat(5 * 1024 * 1024) } }));
    expect(response.status).toBe(413);
    expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('PAYLOAD_TOO_LARGE');
    await stillServing();
  });

  it('refuses a batch (array) request', async () => {
    const response = await post(JSON.stringify([{ query: '{ me { id } }' }, { query: '{ me { id } }' }]));
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/batching/i);
  });

  it('requires a preflight-forcing header on GET (CSRF prevention)', async () => {
    const response = await fetch(`${graph.gatewayUrl}?query=${encodeURIComponent('{ __typename }')}`);
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/CSRF/);
  });

  it('in production: no introspection, no field suggestions, no stack traces', async () => {
    const introspection = await graph.call(`{ __schema { types { name } } }`);
    expect(errorCodes(introspection)).toContain('GRAPHQL_VALIDATION_FAILED');
    const typo = await graph.call(`{ me { emial } }`);
    expect(JSON.stringify(typo.errors)).not.toMatch(/Did you mean/);
    expect(JSON.stringify(typo.errors)).not.toMatch(/stacktrace/);
  });
});

describe('trusted documents', () => {
  it('resolves a persisted document by id (allow mode) and refuses an unknown id', async () => {
    const manifest = (await import(`${repoRoot}schema/client/persisted-documents.json`, { with: { type: 'json' } })).default as Record<string, string>;
    const [id] = Object.entries(manifest).find(([, document]) => document.startsWith('query Me'))!;
    const { token } = await graph.signUp('persisted@example.com');
    const known = await post(JSON.stringify({ documentId: id }), { authorization: `Bearer ${token}` });
    expect(((await known.json()) as { data: { me: { email: string } } }).data.me.email).toBe('persisted@example.com');
    const unknown = await post(JSON.stringify({ documentId: 'sha256:0000' }));
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  it('strict mode runs only documents from the manifest', async () => {
    const strict = loadTrustedDocuments('strict', `${repoRoot}schema/client/persisted-documents.json`);
    expect(strict.resolve({ query: '{ me { id email } }' })).toEqual({ refused: expect.objectContaining({ code: 'PERSISTED_QUERY_NOT_ALLOWED' }) });
    expect(strict.resolve({ documentId: 'sha256:nope' })).toEqual({ refused: expect.objectContaining({ code: 'PERSISTED_QUERY_NOT_FOUND' }) });
  });
});

describe('GraphQL over HTTP', () => {
  // The audit introspects (`__type`), which production mode turns off; the protocol is the same.
  let development: TestGraph;
  beforeAll(async () => {
    development = await startTestGraph();
  });
  afterAll(() => development.close());

  it('passes every MUST of the graphql-http server audit', async () => {
    const results = await auditServer({ url: development.gatewayUrl });
    const failedMusts = results.filter((r) => r.name.startsWith('MUST') && r.status !== 'ok');
    expect(failedMusts.map((r) => `${r.name}: ${'reason' in r ? r.reason : ''}`)).toEqual([]);
  });
});

describe('rate limits', () => {
  let limited: TestGraph;
  beforeAll(async () => {
    limited = await startTestGraph({ security: { rateLimits: { limiter: createMemoryRateLimiter(), perIp: 5, perUser: 0, trustProxy: false } } });
  });
  afterAll(() => limited.close());

  it('answers RATE_LIMITED with RateLimit headers once a client IP is over its budget', async () => {
    const responses = [];
    for (let i = 0; i < 6; i++) responses.push(await graphql(limited.gatewayUrl, '{ __typename }'));
    expect(responses.slice(0, 5).every((r) => r.status === 200)).toBe(true);
    expect(responses[0]!.headers.get('ratelimit-limit')).toBe('5');
    expect(responses[4]!.headers.get('ratelimit-remaining')).toBe('0');
    const over = responses[5]!;
    expect(over.status).toBe(429);
    expect(errorCodes(over)).toEqual(['RATE_LIMITED']);
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('a subgraph going down', () => {
  it('gives partial data with an error, then full answers once it is back', async () => {
    const { token } = await graph.signUp('partial@example.com');
    const { data } = await graph.call(`mutation { createNote(input: { title: "Survives" }) { id } }`, {}, token);
    const query = `query($id: ID!) { me { email } note(id: $id) { title } }`;
    const variables = { id: data!.createNote.id };
    await graph.stopSubgraph('notes');
    try {
      const partial = await graph.call(query, variables, token);
      expect(partial.data).toEqual({ me: { email: 'partial@example.com' }, note: null });
      expect(partial.errors).toEqual([
        { message: expect.stringMatching(/^The notes service is not reachable right now/), extensions: { code: 'UNAVAILABLE', serviceName: 'notes' } },
      ]);
      expect(JSON.stringify(partial.errors)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|localhost|https?:/);
    } finally {
      await graph.startSubgraph('notes');
    }
    expect((await graph.call(query, variables, token)).data).toEqual({ me: { email: 'partial@example.com' }, note: { title: 'Survives' } });
  });
});
