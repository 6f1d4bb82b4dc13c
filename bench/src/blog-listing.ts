import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnAllInOne } from '@mosaic/platform/spawn-all-in-one';
import { DEMO_ADMIN } from '@mosaic/platform/seed';
import { startTestGraph } from '@mosaic/platform/testing';
import { createTestDatabase, prepareTemplateDatabase } from '@mosaic/testing';
import { demoToken, gql } from './client';
import { saveResult, treeRssMiB } from './machine';

/**
 * Post listing through the gateway: a page of posts with nested authors (accounts) and counts
 * (blog), as a blog's home page asks for it. Three shapes, measured side by side in one run so
 * their ratios mean something:
 *   - `titles`: posts only (blog alone, one subgraph fetch);
 *   - `authors`: + author { displayName } (blog, then one batched `_entities` fetch to accounts);
 *   - `full`: + likeCount, commentCount, viewerHasLiked, tags and the first 3 comments with their
 *     authors (the page a signed-in reader sees);
 *   - `peerTodos`: `me { todos(first: 20) }`, the todos subgraph's page through the same gateway,
 *     as a yardstick from another domain measured in the same run.
 * Part 1 counts SQL statements per operation (in process, every statement tagged by subgraph) for
 * pages of 2, 10 and 20 posts: they must not grow with the page. Part 2 is throughput on the
 * all-in-one process as shipped (compiled), PostgreSQL server, 20 connections, a different reader
 * per connection (no two in-flight requests share a viewer).
 */
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 20);
const DURATION = Number(process.env.DURATION ?? 15);
const PORT = Number(process.env.PORT ?? 4620);
const PAGE = Number(process.env.PAGE ?? 20);
const AUTHORS = 10;
const POSTS_PER_AUTHOR = 10;
const READERS = CONNECTIONS;

const SHAPES = {
  titles: `query Titles($first: Int) { posts(first: $first) { edges { node { id title slug publishedAt } } } }`,
  authors: `query Authors($first: Int) { posts(first: $first) { edges { node { id title slug publishedAt author { displayName } } } } }`,
  full: `query Full($first: Int) { posts(first: $first) { edges { node { id title slug excerpt publishedAt tags readingMinutes likeCount commentCount viewerHasLiked author { displayName }
    comments(first: 3) { edges { node { bodyHtml likeCount author { displayName } } } } } } } }`,
  /** A peer from another domain with the same shape (a page of 20 rows, then accounts): `me { todos }`. */
  peerTodos: `query Todos($first: Int) { me { displayName todos(first: $first) { edges { node { id title done priority dueAt } } } } }`,
} as const;
type Shape = keyof typeof SHAPES;

const BENCH_ENV = { BLOG_COMMENT_APPROVAL: 'none', BLOG_COMMENT_RATE_LIMIT: '10000', RATE_LIMIT_PER_IP: '0', RATE_LIMIT_PER_USER: '0' };

/** Authors (granted the role by an admin), their published posts, readers' comments and likes. */
async function seedContent(url: string, adminToken: string, readers: number): Promise<string[]> {
  const password = 'velvet-otter-lantern';
  const register = async (email: string) =>
    (await gql<{ register: { accessToken: string; user: { id: string } } }>(url, `mutation($input: RegisterInput!) { register(input: $input) { accessToken user { id } } }`, { input: { email, password } })).register;
  const stamp = Date.now();
  const postIds: string[] = [];
  for (let a = 0; a < AUTHORS; a++) {
    const email = `author${a}-${stamp}@bench.dev`;
    const { user } = await register(email);
    await gql(url, `mutation($id: ID!) { setUserRoles(userId: $id, roles: [USER, AUTHOR]) { id } }`, { id: user.id }, adminToken);
    const token = await demoToken(url, { email, password });
    for (let p = 0; p < POSTS_PER_AUTHOR; p++) {
      const input = { title: `Post ${p} by author ${a}`, bodyMarkdown: `# Post ${p}\n\n${'Some words about federation and blogs. '.repeat(60)}`, tags: ['bench', `a${a}`] };
      const { createPost } = await gql<{ createPost: { id: string } }>(url, `mutation($input: CreatePostInput!) { createPost(input: $input) { id } }`, { input }, token);
      await gql(url, `mutation($id: ID!) { publishPost(id: $id) { id } }`, { id: createPost.id }, token);
      postIds.push(createPost.id);
    }
  }
  const tokens: string[] = [];
  for (let r = 0; r < readers; r++) {
    const { accessToken } = await register(`reader${r}-${stamp}@bench.dev`);
    tokens.push(accessToken);
    for (let t = 0; t < PAGE; t++) await gql(url, `mutation($input: CreateTodoInput!) { createTodo(input: $input) { id } }`, { input: { title: `Todo ${t}`, priority: 'MEDIUM' } }, accessToken);
    // Each reader comments on and likes a few of the newest posts: every page has counts to show.
    for (const postId of postIds.slice(-PAGE).filter((_, i) => (i + r) % 4 === 0)) {
      await gql(url, `mutation($input: AddCommentInput!) { addComment(input: $input) { id } }`, { input: { postId, bodyMarkdown: `Comment by reader ${r}` } }, accessToken);
      await gql(url, `mutation($id: ID!) { likePost(id: $id) { likeCount } }`, { id: postId }, accessToken);
    }
  }
  return tokens;
}

/** SQL statements per operation, by subgraph, for pages of 2, 10 and 20 posts (in process, PostgreSQL server). */
async function statementsPerOperation() {
  Object.assign(process.env, BENCH_ENV);
  const counts = new Map<string, number>();
  const graph = await startTestGraph({ onQuery: (subgraph) => counts.set(subgraph, (counts.get(subgraph) ?? 0) + 1) });
  try {
    const email = `bench-admin-${Date.now()}@bench.dev`;
    await graph.signUp(email);
    // The test graph seeds no demo admin: make this user one in accounts' table, then sign in for a token with the role.
    await graph.database.db().execute(sql`update accounts.users set roles = array['user','admin'] where email = ${email}`);
    const adminToken = await demoToken(graph.gatewayUrl, { email, password: 'velvet-otter-lantern' });
    const tokens = await seedContent(graph.gatewayUrl, adminToken, 8);
    const rows: { shape: Shape; page: number; statements: Record<string, number> }[] = [];
    for (const shape of ['titles', 'authors', 'full'] as const) {
      for (const page of [2, 10, 20]) {
        await gql(graph.gatewayUrl, SHAPES[shape], { first: page }, tokens[0]); // plans and pools warm
        counts.clear();
        const result = await gql<{ posts: { edges: unknown[] } }>(graph.gatewayUrl, SHAPES[shape], { first: page }, tokens[0]);
        if (result.posts.edges.length !== page) throw new Error(`${shape}: expected ${page} posts, got ${result.posts.edges.length}`);
        rows.push({ shape, page, statements: Object.fromEntries([...counts].filter(([subgraph]) => subgraph === 'blog' || subgraph === 'accounts')) });
      }
    }
    console.log(JSON.stringify(rows));
    return rows;
  } finally {
    await graph.close();
  }
}

async function measure(label: string, env: NodeJS.ProcessEnv) {
  const graph = await spawnAllInOne({ PORT: String(PORT), SUBGRAPH_PORTS: 'random', LOG_LEVEL: 'error', ...BENCH_ENV, ...env });
  try {
    const url = `http://localhost:${PORT}/graphql`;
    const adminToken = await demoToken(url, DEMO_ADMIN);
    const tokens = await seedContent(url, adminToken, READERS);
    const rows: Record<string, unknown>[] = [];
    for (const shape of Object.keys(SHAPES) as Shape[]) {
      const body = JSON.stringify({ query: SHAPES[shape], variables: { first: PAGE } });
      const sample = await gql<{ posts?: { edges: unknown[] }; me?: { todos: { edges: unknown[] } } }>(url, SHAPES[shape], { first: PAGE }, tokens[0]);
      let next = 0;
      const request = {
        url,
        method: 'POST' as const,
        headers: { 'content-type': 'application/json' },
        body,
        setupClient: (client: { setHeaders(headers: Record<string, string>): void }) =>
          client.setHeaders({ 'content-type': 'application/json', authorization: `Bearer ${tokens[next++ % tokens.length]}` }),
      };
      await autocannon({ ...request, connections: CONNECTIONS, duration: 3, timeout: 60 }); // warm-up: JIT, plans, pools
      const result = await autocannon({ ...request, connections: CONNECTIONS, duration: DURATION, timeout: 60 });
      const row = {
        label,
        shape,
        rowsPerResponse: (sample.posts ?? sample.me?.todos)?.edges.length,
        rps: Math.round(result.requests.average),
        latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99 },
        errors: result.errors,
        non2xx: result.non2xx,
        rssMiBAfter: treeRssMiB(graph.child.pid!),
        // Other work on the machine shows up in every number: recorded so a reader can judge.
        loadAverage1m: Number(loadavg()[0]!.toFixed(1)),
      };
      console.log(JSON.stringify(row));
      if (result.non2xx > 0 || result.errors > 0) throw new Error(`${label}/${shape}: ${result.non2xx} non-2xx and ${result.errors} errors — the measurement is not valid`);
      rows.push(row);
    }
    return rows;
  } finally {
    await graph.stop();
  }
}

await prepareTemplateDatabase();
const statements = await statementsPerOperation();
const database = await createTestDatabase();
const keysDir = mkdtempSync(join(tmpdir(), 'mosaic-bench-keys-'));
let throughput: Record<string, unknown>[];
try {
  throughput = await measure('all-in-one, PostgreSQL server', { DATABASE_URL: database.url, DEV_KEYS_DIR: keysDir });
} finally {
  rmSync(keysDir, { recursive: true, force: true });
  await database.drop();
}
console.log(`saved ${saveResult('blog-listing', { page: PAGE, connections: CONNECTIONS, durationSeconds: DURATION, statements, throughput })}`);
