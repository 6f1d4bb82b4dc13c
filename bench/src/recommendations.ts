import { DEFAULT_BLEND, DEFAULT_TRAINING, deserializeModel, scoreForUser, SYNTHETIC_DEFAULTS, syntheticBehaviour, toCells, trainInWorker } from '@mosaic/recommendations/model';
import { saveResult } from './machine';

/**
 * Recommendations at the scale: 1M interactions from 50k users over 20k items (seeded,
 * with planted taste clusters). Trains the way the service does (a worker thread, the model
 * serialised back), sampling this process's RSS (the worker's memory is in it); then the fold-in
 * latency of a new user's recommendations on that model, p50/p99 over many users.
 * No peer runs here: implicit / LightFM are Python packages this machine cannot install offline.
 */
const USERS = Number(process.env.USERS ?? 50_000);
const ITEMS = Number(process.env.ITEMS ?? 20_000);
const PER_USER = Number(process.env.PER_USER ?? 20);

const rss = () => Math.round(process.memoryUsage().rss / 2 ** 20);
const { behaviour } = syntheticBehaviour({ ...SYNTHETIC_DEFAULTS, users: USERS, items: ITEMS, clusters: 100, interactionsPerUser: PER_USER });
const now = behaviour.at(-1)!.occurredAt;
const cells = [...toCells(behaviour, now, 30)];
const idle = rss();
let peak = idle;
const sampler = setInterval(() => (peak = Math.max(peak, rss())), 100);
const started = performance.now();
const steps: Record<string, number> = {};
const body = await trainInWorker(
  { userIds: cells.map((c) => c.userId), itemKeys: cells.map((c) => c.itemKey), weights: Float32Array.from(cells, (c) => c.weight), options: DEFAULT_TRAINING, meta: { version: 1, trainedAt: now.toISOString() } },
  (step) => {
    steps[step] = Math.round(performance.now() - started);
    console.log(`${step} at ${(steps[step] / 1000).toFixed(1)} s`);
  },
);
const trainingMs = Math.round(performance.now() - started);
clearInterval(sampler);
const model = deserializeModel(body);

const latencies: number[] = [];
for (let n = 0; n < 2_000; n++) {
  const cluster = n % 100;
  const history = Array.from({ length: 10 }, (_, k) => ({ itemKey: `PRODUCT:${cluster + 100 * k}`, weight: 4 }));
  const t = performance.now();
  scoreForUser(model, history, { first: 10, weights: DEFAULT_BLEND, accept: () => true });
  latencies.push(performance.now() - t);
}
latencies.sort((a, b) => a - b);
const result = {
  users: model.stats.users,
  items: model.stats.items,
  interactions: behaviour.length,
  distinctCells: model.stats.cells,
  factors: DEFAULT_TRAINING.als.factors,
  iterations: DEFAULT_TRAINING.als.iterations,
  trainingMs,
  stepsAtMs: steps,
  modelBytes: body.length,
  rssMiB: { beforeTraining: idle, peakDuringTraining: peak },
  foldInRecommendMs: { p50: Number(latencies[1000]!.toFixed(2)), p99: Number(latencies[1980]!.toFixed(2)) },
};
console.log(result);
console.log(`wrote ${saveResult('recommendations', result)}`);
