import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { loadTrustedDocuments } from '@mosaic/gateway';
import { readScopeCatalog, scopesForRoles, uuidv7 } from '@mosaic/kit';
import { repoRoot } from '@mosaic/testing';
import { startTestGraph, TOKENS, type TestGraph } from '../src/testing/test-graph';

/**
 * What an outsider would try, against a development graph (as `pnpm start` runs it) and a
 * production one (strict trusted documents on a second): forged and stale tokens, oversized and
 * abusive operations, batches, cross-site requests, ad-hoc operations where only trusted ones run,
 * graphql-ws abuse. Every probe carries a write (a mutation with a valid token where one fits):
 * every refusal must hold, the graph must keep serving, and not one row may change.
 */
const CREATE_TODO = (title = 'written by a probe') => `mutation { createTodo(input: { title: "${title}" }) { id } }`;

interface Probe {
  name: string;
  /** Sends the probe; resolves to what the client saw. */
  send(graph: TestGraph, token: string): Promise<{ status: number | string; code: unknown }>;
  /** What must be seen: an HTTP status / WebSocket close code, and the error code (if any). */
  expected: { status: number | string; code?: string };
}

const json = async (response: Response) => {
  const text = await response.text();
  try {
    return { status: response.status, code: (JSON.parse(text) as { errors?: { extensions?: { code?: string } }[] }).errors?.[0]?.extensions?.code };
  } catch {
    return { status: response.status, code: undefined };
  }
};

const post = (graph: TestGraph, body: string, headers: Record<string, string> = {}) =>
  fetch(graph.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body }).then(json);

const operation = (query: string, token?: string, variables: Record<string, unknown> = {}) => (graph: TestGraph) =>
  post(graph, JSON.stringify({ query, variables }), token ? { authorization: `Bearer ${token}` } : {});

const adminScopes = scopesForRoles(readScopeCatalog(join(repoRoot, 'schema/scopes.json')), ['user', 'admin']);

/** A token minted by the client with `key`, claims overridden. */
async function forged(graph: TestGraph, options: { key?: CryptoKey; kid?: string; claims?: Record<string, unknown>; expiresIn?: number; issuer?: string; audience?: string }) {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ sid: uuidv7(), roles: ['admin'], scope: adminScopes.join(' '), ...options.claims })
    .setProtectedHeader({ alg: 'EdDSA', kid: options.kid ?? graph.keys.kid, typ: 'at+jwt' })
    .setSubject(uuidv7())
    .setIssuer(options.issuer ?? TOKENS.issuer)
    .setAudience(options.audience ?? TOKENS.audience)
    .setIssuedAt(now - 3600)
    .setExpirationTime(now + (options.expiresIn ?? 900))
    .sign(options.key ?? graph.keys.privateKey);
}

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** The outcome of one graphql-ws exchange: the error code of the first answer, or the close code. */
function socketProbe(graph: TestGraph, script: { init?: unknown; subscribe?: unknown[]; raw?: string }, waitMs = 3_000) {
  return new Promise<{ status: number | string; code: unknown }>((resolve) => {
    const socket = new WebSocket(graph.gatewayUrl.replace('http', 'ws'), 'graphql-transport-ws');
    const timer = setTimeout(() => {
      socket.terminate();
      resolve({ status: 'no answer', code: undefined });
    }, waitMs);
    const done = (outcome: { status: number | string; code: unknown }) => {
      clearTimeout(timer);
      socket.terminate();
      resolve(outcome);
    };
    socket.once('unexpected-response', (_req, res) => done({ status: res.statusCode ?? 0, code: undefined }));
    socket.once('error', () => undefined);
    socket.once('close', (code) => done({ status: code, code: undefined }));
    socket.once('open', () => {
      if (script.raw !== undefined) return socket.send(script.raw);
      if (script.init !== undefined) socket.send(JSON.stringify({ type: 'connection_init', payload: script.init }));
    });
    // The probe is about the last operation sent (earlier ones only fill the socket up).
    const last = String(script.subscribe?.length ?? 0);
    socket.on('message', (raw) => {
      const message = JSON.parse(raw.toString()) as { id?: string; type: string; payload?: unknown };
      if (message.type === 'connection_ack') {
        (script.subscribe ?? []).forEach((payload, i) => socket.send(JSON.stringify({ id: String(i + 1), type: 'subscribe', payload })));
        return;
      }
      if (message.id !== last || (message.type !== 'error' && message.type !== 'next')) return;
      const errors = (message.type === 'error' ? message.payload : (message.payload as { errors?: unknown[] }).errors) as { extensions?: { code?: string } }[] | undefined;
      done({ status: 'answered', code: errors?.[0]?.extensions?.code ?? 'DATA' });
    });
  });
}

const deep = (depth: number) => {
  let selection = 'id';
  for (let i = 0; i < depth; i++) selection = `todos { edges { node { owner { ${selection} } } } }`;
  return `mutation { createTodo(input: { title: "deep" }) { owner { ${selection} } } }`;
};

const PROBES: Probe[] = [
  // Tokens no one issued, or no longer valid: 401 before any subgraph sees the mutation.
  { name: 'alg none', expected: { status: 401, code: 'UNAUTHENTICATED' }, send: (g) => operation(CREATE_TODO(), `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ sub: uuidv7(), sid: 's', roles: ['admin'], iss: TOKENS.issuer, aud: TOKENS.audience, exp: Math.floor(Date.now() / 1000) + 900, iat: Math.floor(Date.now() / 1000) })}.`)(g) },
  {
    name: 'HS256 signed with a guessed secret',
    expected: { status: 401, code: 'UNAUTHENTICATED' },
    send: async (g) => {
      const token = await new SignJWT({ sid: 's', roles: ['admin'] }).setProtectedHeader({ alg: 'HS256', kid: g.keys.kid }).setSubject(uuidv7()).setIssuer(TOKENS.issuer).setAudience(TOKENS.audience).setIssuedAt().setExpirationTime('15m').sign(new TextEncoder().encode('mosaic'));
      return operation(CREATE_TODO(), token)(g);
    },
  },
  { name: 'expired', expected: { status: 401, code: 'UNAUTHENTICATED' }, send: async (g) => operation(CREATE_TODO(), await forged(g, { expiresIn: -60 }))(g) },
  { name: 'wrong issuer', expected: { status: 401, code: 'UNAUTHENTICATED' }, send: async (g) => operation(CREATE_TODO(), await forged(g, { issuer: 'someone-else' }))(g) },
  { name: 'wrong audience', expected: { status: 401, code: 'UNAUTHENTICATED' }, send: async (g) => operation(CREATE_TODO(), await forged(g, { audience: 'another-api' }))(g) },
  { name: 'no session claim', expected: { status: 401, code: 'UNAUTHENTICATED' }, send: async (g) => operation(CREATE_TODO(), await forged(g, { claims: { sid: undefined } }))(g) },
  {
    name: 'signed by an unknown key',
    expected: { status: 401, code: 'UNAUTHENTICATED' },
    send: async (g) => operation(CREATE_TODO(), await forged(g, { key: (await generateKeyPair('EdDSA', { crv: 'Ed25519' })).privateKey, kid: 'attacker' }))(g),
  },
  {
    name: 'real token, payload tampered (roles: admin)',
    expected: { status: 401, code: 'UNAUTHENTICATED' },
    send: async (g, token) => {
      const [header, payload, signature] = token.split('.');
      const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as Record<string, unknown>;
      return operation(CREATE_TODO(), `${header}.${base64url({ ...claims, roles: ['admin'], scope: adminScopes.join(' ') })}.${signature}`)(g);
    },
  },
  { name: 'garbage bearer', expected: { status: 401, code: 'UNAUTHENTICATED' }, send: (g) => operation(CREATE_TODO(), 'not.a.jwt')(g) },
  { name: 'Basic credentials', expected: { status: 401, code: 'UNAUTHENTICATED' }, send: (g) => post(g, JSON.stringify({ query: CREATE_TODO() }), { authorization: 'Basic YWRtaW46YWRtaW4=' }) },

  // Abusive operations: refused before anything executes.
  { name: 'depth over 100', expected: { status: 400, code: 'GRAPHQL_VALIDATION_FAILED' }, send: (g, token) => operation(deep(25), token)(g) },
  {
    name: '1000 aliased mutations (over the token limit)',
    expected: { status: 400, code: 'GRAPHQL_PARSE_FAILED' },
    send: (g, token) => operation(`mutation { ${Array.from({ length: 1000 }, (_, i) => `a${i}: createTodo(input: { title: "t" }) { id }`).join(' ')} }`, token)(g),
  },
  {
    name: '1000 aliases of __typename beside a write',
    expected: { status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
    send: (g, token) => operation(`mutation { createTodo(input: { title: "t" }) { id ${Array.from({ length: 1000 }, (_, i) => `t${i}: __typename`).join(' ')} } }`, token)(g),
  },
  // Development: over the introspection depth limit; production: introspection is off altogether.
  { name: 'introspection 40 deep', expected: { status: 400, code: 'GRAPHQL_VALIDATION_FAILED' }, send: (g, token) => operation(`{ __schema { types { ${'ofType { '.repeat(40)}name${' }'.repeat(40)} } } }`, token)(g) },
  { name: '100 KB string literal', expected: { status: 400, code: 'GRAPHQL_VALIDATION_FAILED' }, send: (g, token) => operation(CREATE_TODO('x'.repeat(100_000)), token)(g) },
  {
    name: '200 directives',
    expected: { status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
    send: (g, token) => operation(`mutation { createTodo(input: { title: "t" }) { id ${'@include(if: true) '.repeat(200)} } }`, token)(g),
  },
  { name: 'batch of writes', expected: { status: 400 }, send: (g, token) => post(g, JSON.stringify([{ query: CREATE_TODO('b1') }, { query: CREATE_TODO('b2') }]), { authorization: `Bearer ${token}` }) },
  {
    name: '5 MB body',
    expected: { status: 413, code: 'PAYLOAD_TOO_LARGE' },
    send: (g, token) => post(g, JSON.stringify({ query: CREATE_TODO(), variables: { pad: 'x'.repeat(5 * 1024 * 1024) } }), { authorization: `Bearer ${token}` }),
  },
  { name: 'body that is not JSON', expected: { status: 400, code: 'BAD_REQUEST' }, send: (g, token) => post(g, '{"query": "mutation {', { authorization: `Bearer ${token}` }) },

  // Cross-site requests: a browser form or a simple GET from another site must not act.
  {
    name: 'mutation in a GET (even with the preflight header)',
    expected: { status: 405 },
    send: (g, token) => fetch(`${g.gatewayUrl}?query=${encodeURIComponent(CREATE_TODO())}`, { headers: { 'apollo-require-preflight': 'true', authorization: `Bearer ${token}` } }).then(json),
  },
  { name: 'simple GET without a preflight header', expected: { status: 400 }, send: (g, token) => fetch(`${g.gatewayUrl}?query=${encodeURIComponent('{ me { id } }')}`, { headers: { authorization: `Bearer ${token}` } }).then(json) },
  {
    name: 'form POST (text/plain, no preflight)',
    expected: { status: 400 },
    send: (g, token) => fetch(g.gatewayUrl, { method: 'POST', headers: { 'content-type': 'text/plain', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: CREATE_TODO() }) }).then(json),
  },
  {
    name: 'urlencoded form POST',
    expected: { status: 400 },
    send: (g, token) => fetch(g.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Bearer ${token}` }, body: `query=${encodeURIComponent(CREATE_TODO())}` }).then(json),
  },

  // graphql-ws: the same rules on the socket.
  { name: 'ws: forged token', expected: { status: 4403 }, send: (g) => socketProbe(g, { init: { authorization: 'Bearer not.a.jwt' }, subscribe: [{ query: CREATE_TODO() }] }) },
  { name: 'ws: no connection_init', expected: { status: 4408 }, send: (g) => socketProbe(g, {}, 15_000) },
  { name: 'ws: subscribe before init', expected: { status: 4401 }, send: (g) => socketProbe(g, { raw: JSON.stringify({ id: '1', type: 'subscribe', payload: { query: CREATE_TODO() } }) }) },
  { name: 'ws: frame over the limit', expected: { status: 1009 }, send: (g) => socketProbe(g, { raw: 'x'.repeat(128 * 1024) }) },
  { name: 'ws: not graphql-ws at all', expected: { status: 4400 }, send: (g) => socketProbe(g, { raw: '{"type":"nonsense"}' }) },
  { name: 'ws: depth over 100 mutation', expected: { status: 'answered', code: 'GRAPHQL_VALIDATION_FAILED' }, send: (g, token) => socketProbe(g, { init: { authorization: `Bearer ${token}` }, subscribe: [{ query: deep(25) }] }) },
  {
    name: 'ws: 1000 aliased mutations (over the token limit)',
    expected: { status: 'answered', code: 'GRAPHQL_PARSE_FAILED' },
    send: (g, token) => socketProbe(g, { init: { authorization: `Bearer ${token}` }, subscribe: [{ query: `mutation { ${Array.from({ length: 1000 }, (_, i) => `a${i}: createTodo(input: { title: "t" }) { id }`).join(' ')} }` }] }),
  },
  { name: 'ws: 60 KB literal', expected: { status: 'answered', code: 'GRAPHQL_VALIDATION_FAILED' }, send: (g, token) => socketProbe(g, { init: { authorization: `Bearer ${token}` }, subscribe: [{ query: CREATE_TODO('x'.repeat(60_000)) }] }) },
  {
    name: 'ws: more subscriptions than allowed',
    expected: { status: 'answered', code: 'RATE_LIMITED' },
    send: (g, token) => socketProbe(g, { init: { authorization: `Bearer ${token}` }, subscribe: Array.from({ length: 101 }, () => ({ query: 'subscription { quotes(symbols: ["ACME"]) { symbol } }' })) }, 10_000),
  },
];

/** Trusted documents, strict: nothing but the manifest runs, however it is sent. */
const STRICT_PROBES: Probe[] = [
  { name: 'strict: ad-hoc POST', expected: { status: 400, code: 'PERSISTED_QUERY_NOT_ALLOWED' }, send: (g, token) => operation(CREATE_TODO(), token)(g) },
  {
    name: 'strict: ad-hoc GET',
    expected: { status: 400, code: 'PERSISTED_QUERY_NOT_ALLOWED' },
    send: (g, token) => fetch(`${g.gatewayUrl}?query=${encodeURIComponent('{ me { id email } }')}`, { headers: { 'apollo-require-preflight': 'true', authorization: `Bearer ${token}` } }).then(json),
  },
  { name: 'strict: unknown document id', expected: { status: 400, code: 'PERSISTED_QUERY_NOT_FOUND' }, send: (g, token) => post(g, JSON.stringify({ documentId: 'sha256:0000' }), { authorization: `Bearer ${token}` }) },
  { name: 'strict: batch with one trusted document', expected: { status: 400, code: 'PERSISTED_QUERY_NOT_ALLOWED' }, send: (g, token) => post(g, JSON.stringify([{ query: trusted('Me') }, { query: CREATE_TODO() }]), { authorization: `Bearer ${token}` }) },
  { name: 'strict: ad-hoc mutation over ws', expected: { status: 'answered', code: 'PERSISTED_QUERY_NOT_ALLOWED' }, send: (g, token) => socketProbe(g, { init: { authorization: `Bearer ${token}` }, subscribe: [{ query: CREATE_TODO() }] }) },
  {
    name: 'strict: ad-hoc subscription over ws',
    expected: { status: 'answered', code: 'PERSISTED_QUERY_NOT_ALLOWED' },
    send: (g, token) => socketProbe(g, { init: { authorization: `Bearer ${token}` }, subscribe: [{ query: 'subscription { quotes(symbols: ["ACME"]) { symbol last } }' }] }),
  },
];

const manifest = JSON.parse(readFileSync(join(repoRoot, 'schema/client/persisted-documents.json'), 'utf8')) as Record<string, string>;
function trusted(operationName: string): string {
  return Object.values(manifest).find((document) => new RegExp(`^(query|mutation|subscription) ${operationName}\\b`).test(document))!;
}

/**
 * Every row an outsider could change, fingerprinted. Not among them: the market data the simulator
 * writes, and `outbox_wakeup`, the event relay's own flag, which it flips as it goes idle or busy.
 */
async function fingerprint(graph: TestGraph): Promise<Record<string, string>> {
  if (graph.client.kind !== 'postgres') throw new Error('probes run on PostgreSQL');
  const sql = graph.client.sql;
  const tables = await sql<{ table_schema: string; table_name: string }[]>`
    select table_schema, table_name from information_schema.tables
    where table_schema in ('accounts', 'todos', 'notes', 'chat', 'stocks') and table_type = 'BASE TABLE'
      and not (table_schema = 'stocks' and table_name in ('instruments', 'candles', 'quotes'))
      and table_name <> 'outbox_wakeup'`;
  const prints: Record<string, string> = {};
  for (const { table_schema: schema, table_name: table } of tables) {
    const [row] = await sql.unsafe<{ print: string | null }[]>(`select md5(coalesce(string_agg(t::text, ',' order by t::text), '')) as print from "${schema}"."${table}" t`);
    prints[`${schema}.${table}`] = row!.print ?? '';
  }
  expect(Object.keys(prints)).toEqual(expect.arrayContaining(['accounts.users', 'todos.todos', 'notes.notes', 'chat.messages']));
  return prints;
}

/**
 * Signing up is a write of its own that reaches todos later, as `account.registered` (its
 * projection of users): the fingerprint is taken once every account has arrived there.
 */
async function untilUsersProjected(graph: TestGraph) {
  if (graph.client.kind !== 'postgres') throw new Error('probes run on PostgreSQL');
  const sql = graph.client.sql;
  await expect
    .poll(async () => {
      const [row] = await sql<{ missing: number }[]>`
        select count(*)::int as missing from accounts.users u where not exists (select 1 from todos.known_users k where k.user_id = u.id)`;
      return row!.missing;
    })
    .toBe(0);
}

async function runCorpus(graph: TestGraph, probes: readonly Probe[]) {
  const { token } = await graph.signUp(`prober-${uuidv7()}@example.com`);
  await untilUsersProjected(graph);
  const before = await fingerprint(graph);
  const outcomes = await Promise.all(probes.map(async (probe) => ({ name: probe.name, seen: await probe.send(graph, token) })));
  // All outcomes at once: a failure lists every probe that got through, not just the first.
  const seen = outcomes.map(({ name, seen: outcome }, i) => ({ probe: name, status: outcome.status, ...(probes[i]!.expected.code ? { code: outcome.code } : {}) }));
  expect(seen).toEqual(probes.map((probe) => ({ probe: probe.name, ...probe.expected })));
  expect(await fingerprint(graph)).toEqual(before);
  // Still serving, writes included.
  const me = await graph.call('{ me { email } }', {}, token);
  expect(me.errors).toBeUndefined();
  const write = await graph.call(CREATE_TODO('after the probes'), {}, token);
  expect(write.errors).toBeUndefined();
}

describe('an outsider against the development graph', () => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startTestGraph();
  });
  afterAll(() => graph?.close());

  it('is refused every time, the graph keeps serving, nothing is written', async () => {
    await runCorpus(graph, PROBES);
  }, 60_000);
});

describe('an outsider against a production graph', () => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startTestGraph({ production: true });
  });
  afterAll(() => graph?.close());

  it('is refused every time (no introspection at all), the graph keeps serving, nothing is written', async () => {
    await runCorpus(graph, PROBES);
  }, 60_000);
});

describe('an outsider against a production graph with strict trusted documents', () => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startTestGraph({ production: true, security: { trustedDocuments: loadTrustedDocuments('strict', join(repoRoot, 'schema/client/persisted-documents.json')) } });
  });
  afterAll(() => graph?.close());

  it('runs only trusted documents on GET, POST and WebSocket; nothing else is written', async () => {
    // Signing up is itself a trusted document here.
    const registered = await graph.call(trusted('Register'), { input: { email: `strict-${uuidv7()}@example.com`, password: 'velvet-otter-lantern' } });
    const token = registered.data!.register.accessToken as string;
    const persisted = await graph.call(trusted('Me'), {}, token);
    expect(persisted.data?.me).toMatchObject({ email: expect.stringMatching(/^strict-/) });
    await untilUsersProjected(graph);
    const before = await fingerprint(graph);
    for (const probe of STRICT_PROBES) {
      const seen = await probe.send(graph, token);
      expect({ probe: probe.name, status: seen.status, code: seen.code }).toEqual({ probe: probe.name, ...probe.expected });
    }
    expect(await fingerprint(graph)).toEqual(before);
  }, 60_000);
});
