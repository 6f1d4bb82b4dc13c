import { machine, saveResult } from '../src/machine';
import { CorrectnessError, measureGateway, type GatewayRun, type MeasureOptions } from './measure-gateway';
import { scenarioFromEnv } from './scenarios';
import { ratioLine, roundsTable, summaryTable } from './report';
import type { RawResponse } from './send-query';
import { cpuEfficiencyRatio, failedRuns, rpsRatio, summarize } from './summarize';
import { startSubgraphs, type GatewayKind } from './topology';
import { sourceState } from './source-state';
import { installedVersions } from './versions';

/**
 * `pnpm bench:gateways`: the federation scenario of the public graphql-gateways-benchmark, stock
 * Apollo vs Hive Gateway (JS, and with the router runtime) vs Mosaic on the same subgraph process,
 * rounds interleaved (stock, hive, hiveRouter, mosaic, mosaicUnshared, stock, …). Env: DURATION (s, 20), WARMUP (s, 5),
 * ROUNDS (3), CONNECTIONS (50), GATEWAYS (comma list, default "stock,hive,hiveRouter,mosaic,mosaicUnshared"; stock
 * first, it is the reference), SCENARIO (`shared` or `distinct`, see scenarios.ts). Exits non-zero when a response differs from stock Apollo's or a load had failures.
 */
const options: MeasureOptions = {
  connections: Number(process.env.CONNECTIONS ?? 50),
  durationSeconds: Number(process.env.DURATION ?? 20),
  warmupSeconds: Number(process.env.WARMUP ?? 5),
  probeQueries: 3,
  scenario: scenarioFromEnv(),
};
const rounds = Number(process.env.ROUNDS ?? 3);
const gateways = (process.env.GATEWAYS ?? 'stock,hive,hiveRouter,mosaic,mosaicUnshared').split(',').map((g) => g.trim()) as GatewayKind[];
if (gateways[0] !== 'stock') throw new Error('GATEWAYS must start with "stock": its response is the reference for the others');

console.log(`gateways benchmark (${options.scenario.name}: ${options.scenario.description}): ${gateways.join(', ')}; ${rounds} rounds × ${options.durationSeconds} s (+${options.warmupSeconds} s warm-up), ${options.connections} connections`);
const mosaicSource = sourceState();
const subgraphs = await startSubgraphs();
const runs: GatewayRun[] = [];
const reference: { response?: RawResponse } = {};
try {
  for (let round = 1; round <= rounds; round++) {
    for (const kind of gateways) {
      const run = await measureGateway(kind, round, subgraphs, reference, options);
      runs.push(run);
      console.log(
        `round ${round} ${kind}: ${run.load.rps} rps, p95 ${run.load.latencyMs.p95} ms, ${run.perQuery.requests} subgraph requests and ${run.perQuery.representations} representations per query, gateway ${run.cpuMsPerQuery.gateway} ms CPU/query; other processes kept ${run.otherProcessesCores} cores busy`,
      );
    }
  }
} catch (error) {
  if (error instanceof CorrectnessError) console.error(`\nCORRECTNESS FAILURE: ${error.message}\n`);
  throw error;
} finally {
  await subgraphs.stop();
}

const summaries = gateways.map((kind) => summarize(runs, kind));
const ratios = {
  mosaicOverStock: rpsRatio(runs, 'mosaic', 'stock'),
  mosaicOverHive: rpsRatio(runs, 'mosaic', 'hive'),
  mosaicOverHiveRouter: rpsRatio(runs, 'mosaic', 'hiveRouter'),
  mosaicUnsharedOverStock: rpsRatio(runs, 'mosaicUnshared', 'stock'),
  mosaicUnsharedOverHiveRouter: rpsRatio(runs, 'mosaicUnshared', 'hiveRouter'),
  hiveOverStock: rpsRatio(runs, 'hive', 'stock'),
  hiveRouterOverStock: rpsRatio(runs, 'hiveRouter', 'stock'),
  /** How many times less gateway CPU per answered query Mosaic needs. */
  gatewayCpuStockOverMosaic: cpuEfficiencyRatio(summaries, 'mosaic', 'stock'),
  gatewayCpuHiveOverMosaic: cpuEfficiencyRatio(summaries, 'mosaic', 'hive'),
  gatewayCpuHiveRouterOverMosaic: cpuEfficiencyRatio(summaries, 'mosaic', 'hiveRouter'),
  gatewayCpuHiveRouterOverMosaicUnshared: cpuEfficiencyRatio(summaries, 'mosaicUnshared', 'hiveRouter'),
};
const times = (ratio: number | undefined) => (ratio === undefined ? 'not measured' : `${ratio}×`);
const failures = failedRuns(runs);
console.log(`\n## Per round\n\n${roundsTable(runs)}\n\n## Median of ${rounds} rounds\n\n${summaryTable(summaries)}\n`);
console.log([
  '## Ratios (rps)',
  '',
  ratioLine('Mosaic / stock Apollo', ratios.mosaicOverStock),
  ratioLine('Mosaic / Hive (JS)', ratios.mosaicOverHive),
  ratioLine('Mosaic / Hive + router runtime', ratios.mosaicOverHiveRouter),
  ratioLine('Mosaic, sharing off / stock Apollo', ratios.mosaicUnsharedOverStock),
  ratioLine('Mosaic, sharing off / Hive + router runtime', ratios.mosaicUnsharedOverHiveRouter),
  ratioLine('Hive (JS) / stock Apollo', ratios.hiveOverStock),
  ratioLine('Hive + router runtime / stock Apollo', ratios.hiveRouterOverStock),
  '',
  '## Gateway CPU per answered query (median; less sensitive to other load on the machine)',
  '',
  `- stock Apollo / Mosaic: ${times(ratios.gatewayCpuStockOverMosaic)}`,
  `- Hive (JS) / Mosaic: ${times(ratios.gatewayCpuHiveOverMosaic)}`,
  `- Hive + router runtime / Mosaic: ${times(ratios.gatewayCpuHiveRouterOverMosaic)}`,
  `- Hive + router runtime / Mosaic, sharing off: ${times(ratios.gatewayCpuHiveRouterOverMosaicUnshared)}`,
].join('\n'));
const noisiest = Math.max(...runs.map((r) => r.otherProcessesCores));
if (noisiest > 0.25) console.log(`\nNOISE: other processes kept up to ${noisiest} of ${machine().cores} cores busy during a measurement; compare ratios within a round, and re-run on a quiet machine.`);
const file = saveResult(options.scenario.name === 'shared' ? 'gateways' : `gateways-${options.scenario.name}`, {
  scenario: `graphql-gateways-benchmark federation, constant connections; ${options.scenario.description}`,
  options: { ...options, scenario: options.scenario.name, rounds, gateways },
  versions: installedVersions(),
  mosaicSource,
  requestBody: options.scenario.body(0),
  responseBytes: Buffer.byteLength(reference.response?.text ?? ''),
  summaries,
  ratios,
  failures,
  runs,
});
console.log(`\nsaved ${file}`);
if (failures.length) {
  console.error(`\nLOAD FAILURES:\n${failures.join('\n')}`);
  process.exitCode = 1;
}
