import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateFieldKey } from '@mosaic/kit';
import { createTestDatabase, freePort, prepareTemplateDatabase, repoRoot } from '@mosaic/testing';
import { median, saveResult } from './machine';

/**
 * What the chain subgraph costs at start, next to peers in the same run: each service started as
 * its own compiled process (`node dist/service.mjs <name>`, what services mode and the image run)
 * on a fresh database, timed from spawn to its first `/readyz` 200. chain's start includes loading
 * viem, starting the in-process development network (the EVM is imported only then) and
 * reconciling it; solc is not loaded (it starts on the first compile).
 */
const ROUNDS = Number(process.env.ROUNDS ?? 5);
const SERVICES = ['notes', 'stocks', 'chain'] as const;

async function startOnce(name: string): Promise<number> {
  await using database = await createTestDatabase();
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, ['dist/service.mjs', name], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: database.url,
      LOG_LEVEL: 'error',
      STOCKS_SIM_WARMUP_DAYS: '0',
      CHAIN_KEY_ENCRYPTION_KEYS: JSON.stringify([generateFieldKey('bench')]),
      DEV_KEYS_DIR: mkdtempSync(join(tmpdir(), 'chain-start-')),
    },
    stdio: 'ignore',
  });
  try {
    for (;;) {
      const ready = await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.ok, () => false);
      if (ready) return Math.round(performance.now() - started);
      if (performance.now() - started > 60_000) throw new Error(`${name} was not ready within 60 s`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  } finally {
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  }
}

execFileSync(`${repoRoot}node_modules/.bin/tsx`, ['scripts/build.ts'], { cwd: repoRoot, stdio: 'pipe' });
await prepareTemplateDatabase();
const times: Record<string, number[]> = Object.fromEntries(SERVICES.map((name) => [name, []]));
for (let round = 0; round < ROUNDS; round++) {
  for (const name of SERVICES) times[name]!.push(await startOnce(name));
  console.log(`round ${round + 1}: ${SERVICES.map((name) => `${name} ${times[name]!.at(-1)} ms`).join(', ')}`);
}
const medians = Object.fromEntries(SERVICES.map((name) => [name, median(times[name]!)]));
const result = {
  setup: 'spawn → first /readyz 200 of `node dist/service.mjs <name>` on a fresh PostgreSQL database (migrations applied at start), services interleaved per round',
  readyMsMedian: medians,
  chainOverNotes: Math.round((medians.chain! / medians.notes!) * 100) / 100,
  chainOverStocks: Math.round((medians.chain! / medians.stocks!) * 100) / 100,
  runs: times,
};
console.log(JSON.stringify({ ...result, runs: undefined }));
console.log(`saved ${saveResult('chain-start', result)}`);
