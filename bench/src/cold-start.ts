import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_USER } from '@mosaic/platform/seed';
import { spawnAllInOne } from '@mosaic/platform/spawn-all-in-one';
import { demoToken, gql } from './client';
import { median, saveResult, treeRssMiB } from './machine';

/**
 * All-in-one cold start: `pnpm start`'s entry point on a fresh PGlite data directory (migrations +
 * seeding included), until the first `me { todos notes }` is answered; then RSS of the process
 * tree. A warm start reuses the data directory (what a developer sees on the second `pnpm start`).
 */
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const PORT = Number(process.env.PORT ?? 4600);
const ME = `{ me { email todos(first: 10) { edges { node { title } } } notes(first: 10) { edges { node { title } } } } }`;

async function once(dataDir: string) {
  const started = performance.now();
  const graph = await spawnAllInOne({ PORT: String(PORT), PGLITE_DIR: join(dataDir, 'pglite'), DEV_KEYS_DIR: join(dataDir, 'keys'), SUBGRAPH_PORTS: 'random' });
  try {
    const url = `http://localhost:${PORT}/graphql`;
    await gql(url, ME, {}, await demoToken(url, DEMO_USER));
    const firstAnswerMs = performance.now() - started;
    return { readyMs: Math.round(graph.readyMs), firstAnswerMs: Math.round(firstAnswerMs), rssMiB: treeRssMiB(graph.child.pid!) };
  } finally {
    await graph.stop();
  }
}

const cold: Awaited<ReturnType<typeof once>>[] = [];
const warm: Awaited<ReturnType<typeof once>>[] = [];
for (let round = 0; round < ROUNDS; round++) {
  const dataDir = mkdtempSync(join(tmpdir(), 'mosaic-bench-'));
  try {
    cold.push(await once(dataDir));
    warm.push(await once(dataDir));
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  console.log(`round ${round + 1}: cold ${JSON.stringify(cold.at(-1))} warm ${JSON.stringify(warm.at(-1))}`);
}
const summary = (runs: typeof cold) => ({
  firstAnswerMsMedian: median(runs.map((r) => r.firstAnswerMs)),
  readyMsMedian: median(runs.map((r) => r.readyMs)),
  rssMiBMedian: median(runs.map((r) => r.rssMiB)),
  runs,
});
const result = { cold: summary(cold), warm: summary(warm) };
console.log(JSON.stringify({ cold: { ...result.cold, runs: undefined }, warm: { ...result.warm, runs: undefined } }));
console.log(`saved ${saveResult('cold-start', result)}`);
