import { mkdirSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { spawn } from 'node:child_process';
import autocannon from 'autocannon';
import { createTestDatabase, prepareTemplateDatabase } from '@mosaic/testing';
import { gql } from './client';
import { summarizeProfile } from './cpu-profile';

/**
 * `npx tsx src/profile-me.ts`: the compiled all-in-one under the distinct-users `me { todos notes }`
 * load of me-throughput.ts, with V8's CPU profiler; prints where the time goes.
 */
const dir = process.env.PROFILE_DIR ?? '/tmp/mosaic-profile-me';
mkdirSync(dir, { recursive: true });
const root = fileURLToPath(new URL('../../', import.meta.url));
await prepareTemplateDatabase();
const database = await createTestDatabase();
const child = spawn(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, 'platform/dist/all-in-one.mjs'], {
  cwd: root,
  env: { ...process.env, PORT: '4680', SUBGRAPH_PORTS: 'random', LOG_LEVEL: 'error', RATE_LIMIT_PER_IP: '0', RATE_LIMIT_PER_USER: '0', DATABASE_URL: database.url, DEV_KEYS_DIR: `${dir}/keys` },
  stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise<void>((resolve) => child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('Demo admin') && resolve()));
const url = 'http://localhost:4680/graphql';
const tokens: string[] = [];
for (let i = 0; i < 50; i++) {
  const { register } = await gql<{ register: { accessToken: string } }>(url, `mutation($input: RegisterInput!) { register(input: $input) { accessToken } }`, { input: { email: `p${i}@bench.dev`, password: 'velvet-otter-lantern' } });
  for (let t = 0; t < 3; t++) await gql(url, `mutation { createTodo(input: { title: "T${t}" }) { id } }`, {}, register.accessToken);
  tokens.push(register.accessToken);
}
let next = 0;
const ME = `query Me { me { email todos(first: 10) { edges { node { title done priority } } } notes(first: 10) { edges { node { title tags } } } } }`;
const options = {
  url,
  method: 'POST' as const,
  body: JSON.stringify({ query: ME }),
  connections: 50,
  setupClient: (client: { setHeaders(headers: Record<string, string>): void }) => client.setHeaders({ 'content-type': 'application/json', authorization: `Bearer ${tokens[next++ % tokens.length]}` }),
};
await autocannon({ ...options, duration: 3 });
console.log('rps', (await autocannon({ ...options, duration: 10 })).requests.average);
await new Promise<void>((resolve) => {
  child.once('exit', () => resolve());
  child.kill('SIGTERM');
});
await database.drop();
summarizeProfile(readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).map((f) => `${dir}/${f}`).sort().at(-1)!);
