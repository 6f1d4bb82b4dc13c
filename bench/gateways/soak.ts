import { loadavg } from 'node:os';
import { saveResult } from '../src/machine';
import { runLoad } from './load';
import { cpuMs, machineBusyMs } from './process-cpu';
import { SCENARIOS, type ScenarioName } from './scenarios';
import { sendTestQuery } from './send-query';
import { leakVerdict, linearGrowth, type SoakSample } from './soak-fit';
import { spawnReady } from './spawn-ready';
import { startSubgraphs, type Subgraphs } from './topology';
import { installedVersions } from './versions';
import { sourceState } from './source-state';

/**
 * `pnpm bench:soak`: each gateway (default Mosaic, then Hive Gateway with the router runtime) in
 * its own process under the gateways benchmark's load for DURATION seconds (600), its memory
 * sampled every SAMPLE_SECONDS (10) after a full collection. After WARMUP seconds (120: JIT, plan
 * and response caches filling to their bounds) the heap that survives a collection is fitted with
 * a line; a slope that adds more than max(2 MiB, 5 % of the heap) over the window, and explains
 * the samples, is growth. Every response is checked against the first one. Env: DURATION,
 * WARMUP, SAMPLE_SECONDS, CONNECTIONS (50), SCENARIO (`distinct`, a new variable value per
 * request, so no cache answers twice the same; or `shared`), GATEWAYS (`mosaic,hiveRouter`).
 */
const durationSeconds = Number(process.env.DURATION ?? 600);
const warmupSeconds = Number(process.env.WARMUP ?? 120);
const sampleSeconds = Number(process.env.SAMPLE_SECONDS ?? 10);
const connections = Number(process.env.CONNECTIONS ?? 50);
const scenario = SCENARIOS[(process.env.SCENARIO ?? 'distinct') as ScenarioName];
if (!scenario) throw new Error(`SCENARIO must be one of ${Object.keys(SCENARIOS).join(', ')}`);
const gateways = (process.env.GATEWAYS ?? 'mosaic,hiveRouter').split(',').map((g) => g.trim());
if (warmupSeconds + 3 * sampleSeconds > durationSeconds) throw new Error('DURATION must leave at least 3 samples after WARMUP');

async function soak(kind: string, subgraphs: Subgraphs) {
  const loadAverage1m = Math.round(loadavg()[0]! * 100) / 100;
  const gateway = await spawnReady<{ url: string }>('gateways/soak-gateway.ts', [kind], 'GATEWAY_READY', { SUPERGRAPH_PATH: subgraphs.supergraphPath, SAMPLE_SECONDS: String(sampleSeconds) });
  try {
    const first = await sendTestQuery(gateway.info.url, scenario, 0);
    if (first.status !== 200 || (JSON.parse(first.text) as { errors?: unknown }).errors) throw new Error(`${kind} answered the benchmark query with HTTP ${first.status}: ${first.text.slice(0, 300)}`);
    const samples: SoakSample[] = [];
    let startedAt = Date.now();
    let pending = '';
    gateway.child.stdout!.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        if (!line.startsWith('SOAK_SAMPLE ')) continue;
        const sample = JSON.parse(line.slice('SOAK_SAMPLE '.length)) as Omit<SoakSample, 'atSeconds'>;
        samples.push({ atSeconds: Math.round((Date.now() - startedAt) / 100) / 10, rssMiB: sample.rssMiB, heapUsedMiB: sample.heapUsedMiB });
      }
    });
    const cpuBefore = cpuMs(gateway.child.pid!);
    const busyBefore = machineBusyMs();
    startedAt = Date.now();
    samples.length = 0;
    const load = await runLoad(gateway.info.url, { connections, durationSeconds, expectBody: first.text, scenario });
    const gatewayCores = Math.round(((cpuMs(gateway.child.pid!) - cpuBefore) / 1000 / load.durationSeconds) * 100) / 100;
    const machineCores = Math.round(((machineBusyMs() - busyBefore) / 1000 / load.durationSeconds) * 100) / 100;
    const fitted = samples.filter((s) => s.atSeconds >= warmupSeconds && s.atSeconds <= load.durationSeconds);
    const heap = linearGrowth(fitted, (s) => s.heapUsedMiB);
    const rss = linearGrowth(fitted, (s) => s.rssMiB);
    const meanHeap = fitted.reduce((sum, s) => sum + s.heapUsedMiB, 0) / fitted.length;
    const toleranceMiB = Math.round(Math.max(2, 0.05 * meanHeap) * 10) / 10;
    const result = {
      gateway: kind,
      loadAverage1m,
      load,
      gatewayCores,
      machineCores,
      peakRssMiB: Math.max(...samples.map((s) => s.rssMiB)),
      peakHeapUsedMiB: Math.max(...samples.map((s) => s.heapUsedMiB)),
      afterWarmup: { samples: fitted.length, heap, rss, toleranceMiB, verdict: leakVerdict(heap, toleranceMiB) },
      samples,
    };
    console.log(
      `${kind}: ${load.rps} rps, ${load.mismatches} mismatches, ${load.errors} errors; peak RSS ${result.peakRssMiB} MiB; heap after warm-up ${heap.slopeMiBPerMinute} MiB/min (r² ${heap.r2}, ${heap.overWindowMiB} MiB over the window, tolerance ${toleranceMiB}): ${result.afterWarmup.verdict}`,
    );
    return result;
  } finally {
    await gateway.stop();
  }
}

console.log(`soak (${scenario.name}): ${gateways.join(', ')}; ${durationSeconds} s each, ${connections} connections, samples every ${sampleSeconds} s, fit after ${warmupSeconds} s`);
const mosaicSource = sourceState();
const subgraphs = await startSubgraphs();
const results = [];
try {
  for (const kind of gateways) results.push(await soak(kind, subgraphs));
} finally {
  await subgraphs.stop();
}
const file = saveResult(scenario.name === 'distinct' ? 'gateway-soak' : `gateway-soak-${scenario.name}`, {
  note: 'shared machine: other engineers\' tests and builds ran meanwhile (machineCores is everything busy on the machine during the load, gatewayCores the gateway alone)',
  options: { durationSeconds, warmupSeconds, sampleSeconds, connections, scenario: scenario.name, gateways },
  versions: installedVersions(),
  mosaicSource,
  results,
});
console.log(`saved ${file}`);
// Timeouts (autocannon's 10 s) are reported, not failed: on a shared machine a busy minute makes some.
const failed = results.filter((r) => r.load.mismatches > 0 || r.load.errors > r.load.timeouts || r.afterWarmup.verdict === 'grows');
if (failed.length) {
  console.error(`FAILED: ${failed.map((r) => `${r.gateway} (${r.afterWarmup.verdict}, ${r.load.mismatches} mismatches, ${r.load.errors - r.load.timeouts} connection errors)`).join('; ')}`);
  process.exitCode = 1;
}
