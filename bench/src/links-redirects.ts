import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { spawnAllInOne } from '@mosaic/platform/spawn-all-in-one';
import { demoToken, gql } from './client';
import { median, saveResult } from './machine';

/**
 * The links redirect hot path: `GET /<code>` on the all-in-one gateway's port (the links subgraph's
 * public paths are mounted there), a cache hit with visit tracking on, against a bare Node HTTP
 * server answering a constant 302 — the ceiling — in the same run, rounds interleaved. Each round
 * sends exactly AMOUNT requests; afterwards the link's visit count must equal every request sent
 * (no visit lost, none counted twice).
 */
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 50);
const AMOUNT = Number(process.env.AMOUNT ?? 100_000);
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const PORT = Number(process.env.PORT ?? 4620);
const CEILING_PORT = PORT + 1;
const USER_AGENT = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0';

const CEILING = `require('node:http').createServer((req, res) => { res.writeHead(302, { location: 'https://example.com/target', 'cache-control': 'private, no-cache' }); res.end(); }).listen(${CEILING_PORT}, '127.0.0.1').keepAliveTimeout = 65000;`;

async function round(url: string) {
  const result = await autocannon({ url, connections: CONNECTIONS, amount: AMOUNT, headers: { 'user-agent': USER_AGENT } });
  const redirects = (result.statusCodeStats as Record<string, { count: number }> | undefined)?.['302']?.count ?? 0;
  if (redirects !== AMOUNT || result.errors > 0) throw new Error(`${url}: ${redirects} redirects of ${AMOUNT}, ${result.errors} errors — not a valid measurement`);
  return { rps: Math.round(result.requests.average), p50Ms: result.latency.p50, p99Ms: result.latency.p99, redirects };
}

const dataDir = mkdtempSync(join(tmpdir(), 'mosaic-bench-links-'));
const ceiling = spawn(process.execPath, ['-e', CEILING], { stdio: 'ignore' });
const graph = await spawnAllInOne({ PORT: String(PORT), SUBGRAPH_PORTS: 'random', LOG_LEVEL: 'error', PGLITE_DIR: join(dataDir, 'pglite'), DEV_KEYS_DIR: join(dataDir, 'keys'), LINKS_TITLE_FETCH: 'off' }, 120_000);
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
  const warmVisits = await (async () => {
    // Wait until the warm-up's visits are all written, so the rounds' count starts from a settled number.
    let last = -1;
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      const now = await visitCount();
      if (now === last) return now;
      last = now;
    }
  })();
  const rounds: { ceiling: Awaited<ReturnType<typeof round>>; links: Awaited<ReturnType<typeof round>>; ratio: number }[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const bare = await round(ceilingUrl);
    const links = await round(linkUrl);
    rounds.push({ ceiling: bare, links, ratio: Math.round((links.rps / bare.rps) * 1000) / 1000 });
    console.log(JSON.stringify(rounds.at(-1)));
  }
  const sent = ROUNDS * AMOUNT;
  let counted = 0;
  for (let waited = 0; waited < 30_000; waited += 500) {
    counted = (await visitCount()) - warmVisits;
    if (counted >= sent) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const summary = {
    connections: CONNECTIONS,
    requestsPerRound: AMOUNT,
    rounds,
    medianRatio: median(rounds.map((r) => r.ratio)),
    linksRps: median(rounds.map((r) => r.links.rps)),
    ceilingRps: median(rounds.map((r) => r.ceiling.rps)),
    linksP99Ms: median(rounds.map((r) => r.links.p99Ms)),
    ceilingP99Ms: median(rounds.map((r) => r.ceiling.p99Ms)),
    visits: { sent, counted, lost: sent - counted },
    setup: 'all-in-one (compiled, PGlite), GET /<code> on the gateway port, link cached, visits tracked; ceiling: bare node:http constant 302; autocannon in the benchmark process, same machine',
  };
  console.log(JSON.stringify(summary, null, 2));
  console.log(`saved ${saveResult('links-redirects', summary)}`);
} finally {
  await graph.stop();
  ceiling.kill();
  rmSync(dataDir, { recursive: true, force: true });
}
