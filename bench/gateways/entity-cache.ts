import { writeFileSync } from 'node:fs';
import { saveResult } from '../src/machine';
import { composeHintedSupergraph } from './cache-hints';
import { CorrectnessError, measureGateway, type GatewayRun, type MeasureOptions } from './measure-gateway';
import type { RawResponse } from './send-query';
import { SCENARIOS } from './scenarios';
import { sourceState } from './source-state';
import { startSubgraphs } from './topology';

/**
 * `pnpm bench:entity-cache`: the gateways benchmark's query through Mosaic's gateway with the
 * entity cache off and on (ENTITY_CACHE), on a supergraph whose User, Product and Review carry
 * `@cacheControl(maxAge: 60)`, in one run: stock Apollo first (its response is the reference every
 * answer is checked against), then Mosaic off, Mosaic on, per round and scenario. The hit ratio is
 * counted where it matters, at the subgraphs: 1 − representations per query with the cache / without.
 * `shared` repeats one request (every entity is a hit after the first query); `distinct` gives
 * every request a new `$locale`, which every fetch selects — the cache keys on it, so every lookup
 * misses and what is measured is the cache's cost. Env: DURATION (s, 10), WARMUP (s, 3), ROUNDS (1),
 * CONNECTIONS (50). Results: bench/results/entity-cache.json.
 */
const options = {
  connections: Number(process.env.CONNECTIONS ?? 50),
  durationSeconds: Number(process.env.DURATION ?? 10),
  warmupSeconds: Number(process.env.WARMUP ?? 3),
  probeQueries: 3,
};
const rounds = Number(process.env.ROUNDS ?? 1);

interface Measured {
  scenario: string;
  round: number;
  variant: 'stock' | 'mosaic-cache-off' | 'mosaic-cache-on';
  rps: number;
  p95Ms: number;
  representationsPerQuery: number;
  subgraphRequestsPerQuery: number;
  underLoadRepresentationsPerQuery: number;
  gatewayCpuMsPerQuery: number;
  run: GatewayRun;
}

const mosaicSource = sourceState();
const subgraphs = await startSubgraphs();
writeFileSync(subgraphs.supergraphPath, composeHintedSupergraph(subgraphs.process.info.urls));
const measured: Measured[] = [];
try {
  for (const scenario of [SCENARIOS.shared, SCENARIOS.distinct]) {
    const reference: { response?: RawResponse } = {};
    const measureOptions: MeasureOptions = { ...options, scenario };
    for (let round = 1; round <= rounds; round++) {
      for (const variant of ['stock', 'mosaic-cache-off', 'mosaic-cache-on'] as const) {
        process.env.ENTITY_CACHE = variant === 'mosaic-cache-on' ? 'on' : 'off';
        // The hints make the whole query PUBLIC for 60 s (`users: [User]` takes User's maxAge): the
        // response cache would answer every request. Off, so the entity cache is what is measured.
        process.env.RESPONSE_CACHE = 'off';
        const run = await measureGateway(variant === 'stock' ? 'stock' : 'mosaic', round, subgraphs, reference, measureOptions);
        measured.push({
          scenario: scenario.name,
          round,
          variant,
          rps: run.load.rps,
          p95Ms: run.load.latencyMs.p95,
          representationsPerQuery: run.perQuery.representations,
          subgraphRequestsPerQuery: run.perQuery.requests,
          underLoadRepresentationsPerQuery: run.underLoadPerQuery.representations,
          gatewayCpuMsPerQuery: run.cpuMsPerQuery.gateway,
          run,
        });
        console.log(`${scenario.name} round ${round} ${variant}: ${run.load.rps} rps, p95 ${run.load.latencyMs.p95} ms, ${run.underLoadPerQuery.representations} representations and ${run.underLoadPerQuery.requests} subgraph requests per query under load`);
      }
    }
  }
} catch (error) {
  if (error instanceof CorrectnessError) console.error(`\nCORRECTNESS FAILURE: ${error.message}\n`);
  throw error;
} finally {
  delete process.env.ENTITY_CACHE;
  delete process.env.RESPONSE_CACHE;
  await subgraphs.stop();
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const round2 = (n: number) => Math.round(n * 100) / 100;
const summary = ['shared', 'distinct'].map((scenario) => {
  const of = (variant: Measured['variant']) => measured.filter((m) => m.scenario === scenario && m.variant === variant);
  const rps = (variant: Measured['variant']) => median(of(variant).map((m) => m.rps));
  const representations = (variant: Measured['variant']) => median(of(variant).map((m) => m.underLoadRepresentationsPerQuery));
  const off = representations('mosaic-cache-off');
  return {
    scenario,
    rps: { stock: rps('stock'), cacheOff: rps('mosaic-cache-off'), cacheOn: rps('mosaic-cache-on') },
    cacheOnOverOff: round2(rps('mosaic-cache-on') / Math.max(1, rps('mosaic-cache-off'))),
    representationsPerQuery: { cacheOff: off, cacheOn: representations('mosaic-cache-on') },
    /** Share of the representations the subgraphs no longer see: the entity cache's hit ratio. */
    hitRatio: off > 0 ? round2(1 - representations('mosaic-cache-on') / off) : 0,
  };
});
console.log('\n| scenario | stock rps | Mosaic, cache off | Mosaic, cache on | on / off | representations/query off → on | hit ratio |\n|---|---|---|---|---|---|---|');
for (const s of summary) console.log(`| ${s.scenario} | ${s.rps.stock} | ${s.rps.cacheOff} | ${s.rps.cacheOn} | ${s.cacheOnOverOff}× | ${s.representationsPerQuery.cacheOff} → ${s.representationsPerQuery.cacheOn} | ${s.hitRatio} |`);
console.log(`\nsaved ${saveResult('entity-cache', { options: { ...options, rounds }, mosaic: mosaicSource, summary, runs: measured })}`);
