import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { composeSupergraph } from './compose';
import { scenarioFromEnv } from './scenarios';
import { buildGatewayLauncher } from './launcher';
import { spawnReady } from './spawn-ready';
import { summarizeProfile } from '../src/cpu-profile';

/**
 * `GW=mosaic npx tsx gateways/profile.ts`: one gateway under the benchmark load with V8's CPU
 * profiler on; prints rps, self time by package and function, and inclusive time of the
 * executor's main steps. The .cpuprofile stays in PROFILE_DIR (open it in Chrome DevTools).
 */
const dir = process.env.PROFILE_DIR ?? '/tmp/mosaic-profile';
mkdirSync(dir, { recursive: true });
const subgraphs = await spawnReady<{ urls: Record<string, string> }>('gateways/subgraphs/process.ts', [], 'SUBGRAPHS_READY');
writeFileSync(`${dir}/supergraph.graphql`, composeSupergraph(subgraphs.info.urls));
const child = spawn(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, await buildGatewayLauncher(), process.env.GW ?? 'mosaic'], {
  env: { ...process.env, SUPERGRAPH_PATH: `${dir}/supergraph.graphql` },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const url = await new Promise<string>((resolve) => {
  let out = '';
  child.stdout!.on('data', (c: Buffer) => {
    out += c.toString();
    const m = /GATEWAY_READY (.*)\n/.exec(out);
    if (m) resolve((JSON.parse(m[1]!) as { url: string }).url);
  });
});
const gateway = { info: { url }, stop: () => new Promise<void>((resolve) => { child.once('exit', () => resolve()); child.kill('SIGTERM'); }) };
const scenario = scenarioFromEnv();
let sent = 1_000_000;
const opts = {
  url: gateway.info.url,
  method: 'POST' as const,
  headers: { 'content-type': 'application/json' },
  body: scenario.body(0),
  connections: 50,
  ...(scenario.name === 'shared' ? {} : { requests: [{ setupRequest: (request: autocannon.Request) => ({ ...request, body: scenario.body(sent++) }) }] }),
};
await autocannon({ ...opts, duration: 3 });
const result = await autocannon({ ...opts, duration: 10 });
console.log('rps', result.requests.average);
await gateway.stop();
await subgraphs.stop();
const file = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).map((f) => `${dir}/${f}`).sort().at(-1)!;
// The measured 10 s of load only: not start-up, module loading or warm-up.
summarizeProfile(file, 10);
