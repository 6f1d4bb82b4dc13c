import autocannon from 'autocannon';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnAllInOne } from '@mosaic/platform/spawn-all-in-one';
import { createTestDatabase, prepareTemplateDatabase } from '@mosaic/testing';
import { gql } from './client';
import { saveResult, treeRssMiB } from './machine';

/**
 * `me { todos notes }` through the gateway (User from accounts, todos and notes from their
 * subgraphs: three subgraph fetches per request), on the all-in-one process as shipped, with
 * embedded PGlite and with the PostgreSQL server. 50 connections, like the gateways benchmark.
 */
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 50);
const DURATION = Number(process.env.DURATION ?? 20);
const PORT = Number(process.env.PORT ?? 4610);
const ME = `query Me { me { email todos(first: 10) { edges { node { title done priority } } } notes(first: 10) { edges { node { title tags } } } } }`;

async function usersWithContent(url: string, count: number): Promise<string[]> {
  const tokens: string[] = [];
  for (let i = 0; i < count; i++) {
    const input = { email: `reader${i}-${Date.now()}@bench.dev`, password: 'velvet-otter-lantern' };
    const { register } = await gql<{ register: { accessToken: string } }>(url, `mutation($input: RegisterInput!) { register(input: $input) { accessToken } }`, { input });
    for (let t = 0; t < 5; t++) await gql(url, `mutation($input: CreateTodoInput!) { createTodo(input: $input) { id } }`, { input: { title: `Todo ${t}`, priority: 'MEDIUM' } }, register.accessToken);
    for (let n = 0; n < 3; n++) await gql(url, `mutation($input: CreateNoteInput!) { createNote(input: $input) { id } }`, { input: { title: `Note ${n}`, body: 'Benchmark note', tags: ['bench'] } }, register.accessToken);
    tokens.push(register.accessToken);
  }
  return tokens;
}

async function measure(label: string, env: NodeJS.ProcessEnv) {
  // Rate limits off: the load comes from one client IP (the default 1200/min would answer 429s).
  const graph = await spawnAllInOne({ PORT: String(PORT), SUBGRAPH_PORTS: 'random', LOG_LEVEL: 'error', RATE_LIMIT_PER_IP: '0', RATE_LIMIT_PER_USER: '0', ...env });
  try {
    const url = `http://localhost:${PORT}/graphql`;
    // One user per connection, each with their own todos and notes: no two in-flight requests are
    // identical, so the gateway's sharing of identical subgraph queries does not flatter the result.
    const tokens = await usersWithContent(url, CONNECTIONS);
    const sample = await gql<{ me: { todos: { edges: unknown[] }; notes: { edges: unknown[] } } }>(url, ME, {}, tokens[0]);
    let next = 0;
    const request = {
      url,
      method: 'POST' as const,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: ME }),
      setupClient: (client: { setHeaders(headers: Record<string, string>): void }) =>
        client.setHeaders({ 'content-type': 'application/json', authorization: `Bearer ${tokens[next++ % tokens.length]}` }),
    };
    await autocannon({ ...request, connections: CONNECTIONS, duration: 3 }); // warm-up: JIT, plans, pools
    const result = await autocannon({ ...request, connections: CONNECTIONS, duration: DURATION });
    const summary = {
      label,
      connections: CONNECTIONS,
      durationSeconds: DURATION,
      todosPerResponse: sample.me.todos.edges.length,
      notesPerResponse: sample.me.notes.edges.length,
      rps: Math.round(result.requests.average),
      latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99 },
      errors: result.errors,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
      rssMiBAfter: treeRssMiB(graph.child.pid!),
    };
    console.log(JSON.stringify(summary));
    if (result.non2xx > 0 || result.errors > 0) throw new Error(`${label}: ${result.non2xx} non-2xx and ${result.errors} errors — the measurement is not valid`);
    return summary;
  } finally {
    await graph.stop();
  }
}

const results = [];
const dataDir = mkdtempSync(join(tmpdir(), 'mosaic-bench-'));
try {
  results.push(await measure('all-in-one, PGlite', { PGLITE_DIR: join(dataDir, 'pglite'), DEV_KEYS_DIR: join(dataDir, 'keys') }));
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
// A scratch database cloned from the migrated template (the test suite's mechanism).
await prepareTemplateDatabase();
const database = await createTestDatabase();
const keysDir = mkdtempSync(join(tmpdir(), 'mosaic-bench-keys-'));
try {
  results.push(await measure('all-in-one, PostgreSQL server', { DATABASE_URL: database.url, DEV_KEYS_DIR: keysDir }));
} finally {
  rmSync(keysDir, { recursive: true, force: true });
  await database.drop();
}
console.log(`saved ${saveResult('me-throughput', results)}`);
