import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { spawnAllInOne } from '@mosaic/platform/spawn-all-in-one';
import { createTestDatabase, prepareTemplateDatabase } from '@mosaic/testing';
import { demoToken, gql } from './client';
import { median, saveResult } from './machine';

/**
 * The links redirect hot path: `GET /<code>` on the all-in-one gateway's port (the links subgraph's
 * public paths are mounted there), a cache hit with visit tracking on, against a bare Node HTTP
 * server answering a constant 302 — the ceiling — in the same run, rounds interleaved. Each round
 * sends exactly AMOUNT requests; afterwards the link's visit count must equal every request sent
 * (no visit lost, none counted twice). Two kinds of traffic: one visitor (every request alike: the
 * visits of a minute share one row), and a different visitor on every request (X-Forwarded-For
 * from a new /24 each time: one row per request, the worst case for storage).
 */
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 50);
const AMOUNT = Number(process.env.AMOUNT ?? 100_000);
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const PORT = Number(process.env.PORT ?? 4620);
const CEILING_PORT = PORT + 1;
const USER_AGENT = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0';

const CEILING = `require('node:http').createServer((req, res) => { res.writeHead(302, { location: 'https://example.com/target', 'cache-control': 'private, no-cache' }); res.end(); }).listen(${CEILING_PORT}, '127.0.0.1').keepAliveTimeout = 65000;`;

type Traffic = 'one visitor' | 'distinct visitors';

let visitor = 0;
/** A new /24 network per request: 10.x.y.0/24 (65,536 of them, then they repeat). */
const nextAddress = () => {
  visitor = (visitor + 1) % 65_536;
  return `10.${visitor >> 8}.${visitor & 255}.7`;
};

async function round(url: string, traffic: Traffic) {
  const headers = { 'user-agent': USER_AGENT, 'x-forwarded-for': '203.0.113.7' };
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    amount: AMOUNT,
    headers,
    ...(traffic === 'distinct visitors' ? { requests: [{ setupRequest: (request: autocannon.Request) => ({ ...request, headers: { ...headers, 'x-forwarded-for': nextAddress() } }) }] } : {}),
  });
  const redirects = (result.statusCodeStats as Record<string, { count: number }> | undefined)?.['302']?.count ?? 0;
  if (redirects !== AMOUNT || result.errors > 0) throw new Error(`${url}: ${redirects} redirects of ${AMOUNT}, ${result.errors} errors — not a valid measurement`);
  return { rps: Math.round(result.requests.average), p50Ms: result.latency.p50, p99Ms: result.latency.p99, redirects };
}

/** The visit count once writing has caught up (the same number twice in a row). */
async function settledVisitCount(read: () => Promise<number>): Promise<number> {
  let last = -1;
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const now = await read();
    if (now === last) return now;
    last = now;
  }
}

async function measure(database: string, env: NodeJS.ProcessEnv) {
  const graph = await spawnAllInOne({ PORT: String(PORT), SUBGRAPH_PORTS: 'random', LOG_LEVEL: 'error', LINKS_TITLE_FETCH: 'off', LINKS_TRUST_PROXY: 'true', ...env }, 120_000);
  try {
    const origin = `http://localhost:${PORT}`;
    const api = `${origin}/graphql`;
    const token = await demoToken(api, { email: 'demo@mosaic.dev', password: 'mosaic-sandbox-2026' });
    const { shortenLink } = await gql<{ shortenLink: { id: string; code: string } }>(api, `mutation { shortenLink(input: { url: "https://example.com/target" }) { id code } }`, {}, token);
    const linkUrl = `${origin}/${shortenLink.code}`;
    const ceilingUrl = `http://127.0.0.1:${CEILING_PORT}/abc1234`;
    for (let tries = 0; !(await fetch(ceilingUrl, { redirect: 'manual' }).then((r) => r.status === 302, () => false)); tries++) {
      if (tries > 100) throw new Error('the ceiling server did not start');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    // Warm-up: JIT, keep-alive connections, the link in the redirect cache.
    await autocannon({ url: linkUrl, connections: CONNECTIONS, duration: 3, headers: { 'user-agent': USER_AGENT } });
    await autocannon({ url: ceilingUrl, connections: CONNECTIONS, duration: 3 });
    const visitCount = async () => (await gql<{ link: { visitCount: number } }>(api, `query($id: ID!) { link(id: $id) { visitCount } }`, { id: shortenLink.id }, token)).link.visitCount;
    const scenarios = [];
    for (const traffic of ['one visitor', 'distinct visitors'] as const) {
      const startVisits = await settledVisitCount(visitCount);
      const rounds: { ceiling: Awaited<ReturnType<typeof round>>; links: Awaited<ReturnType<typeof round>>; ratio: number }[] = [];
      for (let i = 0; i < ROUNDS; i++) {
        const bare = await round(ceilingUrl, traffic);
        const links = await round(linkUrl, traffic);
        rounds.push({ ceiling: bare, links, ratio: Math.round((links.rps / bare.rps) * 1000) / 1000 });
        console.log(traffic, JSON.stringify(rounds.at(-1)));
      }
      const sent = ROUNDS * AMOUNT;
      let counted = 0;
      for (let waited = 0; waited < 60_000; waited += 500) {
        counted = (await visitCount()) - startVisits;
        if (counted >= sent) break;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      scenarios.push({
        traffic,
        rounds,
        medianRatio: median(rounds.map((r) => r.ratio)),
        linksRps: median(rounds.map((r) => r.links.rps)),
        ceilingRps: median(rounds.map((r) => r.ceiling.rps)),
        linksP99Ms: median(rounds.map((r) => r.links.p99Ms)),
        ceilingP99Ms: median(rounds.map((r) => r.ceiling.p99Ms)),
        visits: { sent, counted, lost: sent - counted },
      });
    }
    return { database, scenarios };
  } finally {
    await graph.stop();
  }
}

const ceiling = spawn(process.execPath, ['-e', CEILING], { stdio: 'ignore' });
const dataDir = mkdtempSync(join(tmpdir(), 'mosaic-bench-links-'));
const results = [];
try {
  results.push(await measure('PGlite (embedded, the default)', { PGLITE_DIR: join(dataDir, 'pglite'), DEV_KEYS_DIR: join(dataDir, 'keys') }));
  await prepareTemplateDatabase();
  const database = await createTestDatabase();
  try {
    results.push(await measure('PostgreSQL server (DATABASE_URL)', { DATABASE_URL: database.url, DEV_KEYS_DIR: join(dataDir, 'keys-pg') }));
  } finally {
    await database.drop();
  }
} finally {
  ceiling.kill();
  rmSync(dataDir, { recursive: true, force: true });
}
const summary = {
  connections: CONNECTIONS,
  requestsPerRound: AMOUNT,
  results,
  setup: 'all-in-one (compiled), GET /<code> on the gateway port, link cached, visits tracked; ceiling: bare node:http constant 302; autocannon (one process: the limit of the ceiling) in the benchmark process, same 2-core machine',
};
console.log(JSON.stringify(summary, null, 2));
console.log(`saved ${saveResult('links-redirects', summary)}`);
