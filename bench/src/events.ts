import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import {
  applyEventTables,
  createEventBus,
  createInProcessTransport,
  createLogger,
  createRabbitMqTransport,
  defineEvents,
  event,
  openSqlClient,
  type EventsConfig,
  type Transport,
} from '@mosaic/kit';
import { createTestDatabase, prepareTemplateDatabase } from '@mosaic/testing';
import { LatencyHistogram } from './latency-histogram';
import { saveResult } from './machine';

/**
 * Domain events end to end, in one process: producer transactions write events to the outbox
 * (EVENTS_PER_COMMIT per commit, 500 aggregates), the relay publishes them, a consumer group applies
 * them (batched transactions with their inbox entries). Two handlers: `inbox-only` (the event
 * machinery's own cost: the inbox entry is the effect) and `one-statement` (plus one SQL insert of
 * its own per event, a typical projection).
 * Latency = consumer handler ran (its effect written in the transaction) − producer commit
 * returned. Per transport (RabbitMQ, in-process — the peer in the same run):
 * (1) sustained: an open-loop load of RATE events/s for SECONDS; (2) maximum: MAX_EVENTS written as
 * fast as 8 writers can, events/s from the first commit to the last effect. Outbox lag (oldest
 * unsent event) sampled every 100 ms; heap and RSS sampled too.
 */
const AMQP_URL = process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';
const RATE = Number(process.env.RATE ?? 5_000);
const SECONDS = Number(process.env.SECONDS ?? 10);
const PER_COMMIT = Number(process.env.EVENTS_PER_COMMIT ?? 10);
const MAX_EVENTS = Number(process.env.MAX_EVENTS ?? 50_000);
const log = createLogger('bench', { level: 'silent' });
const config: EventsConfig = { transport: { kind: 'in-process' }, maxAttempts: 5, retryBaseMs: 1_000, pollMs: 1_000, retentionMs: 3_600_000 };

const catalog = defineEvents(`bench${randomBytes(3).toString('hex')}`, {
  'load.generated': event({ version: 1, schema: z.object({ aggregate: z.string(), seq: z.number().int() }), aggregateId: (p) => p.aggregate }),
});

type Handler = 'one-statement' | 'inbox-only';

async function scenario(kind: 'rabbitmq' | 'in-process', mode: 'sustained' | 'max', handler: Handler) {
  await using database = await createTestDatabase();
  const schema = 'bench';
  const db = database.db();
  await db.execute(sql.raw(`create schema ${schema}`));
  await db.execute(sql.raw(`create table ${schema}.effects (aggregate text not null, seq integer not null)`));
  await applyEventTables(database.client, schema);
  const relayClient = await openSqlClient({ kind: 'postgres', url: database.url, poolMax: Number(process.env.POOL ?? 10) });
  const transport: Transport = kind === 'rabbitmq' ? await createRabbitMqTransport({ url: AMQP_URL, connectionName: 'mosaic-bench', log, namespace: `bench${randomBytes(3).toString('hex')}` }) : createInProcessTransport();
  const bus = createEventBus(transport, config, log);
  const events = bus.forSubgraph(schema, relayClient);
  const outbox = events.outbox(catalog);
  const total = mode === 'sustained' ? RATE * SECONDS : MAX_EVENTS;
  const committedAt = new Float64Array(total);
  const appliedAt = new Float64Array(total);
  let applied = 0;
  let allApplied: () => void = () => {};
  const done = new Promise<void>((resolve) => (allApplied = resolve));
  events.on(
    catalog,
    'load.generated',
    async (e, { tx }) => {
      if (handler === 'one-statement') await tx.execute(sql`insert into bench.effects (aggregate, seq) values (${e.payload.aggregate}, ${e.payload.seq})`);
      appliedAt[e.payload.seq] = performance.now();
      if (++applied === total) allApplied();
    },
    { group: 'bench' },
  );
  await events.start();

  const lag: number[] = [];
  let peakRssMiB = 0;
  let peakHeapMiB = 0;
  const sampler = setInterval(() => {
    void bus.metrics.registry.getSingleMetricAsString('mosaic_events_outbox_lag_seconds').then((text) => lag.push(Number(/\} ([\d.e+-]+)$/m.exec(text)?.[1] ?? 0)));
    const memory = process.memoryUsage();
    peakRssMiB = Math.max(peakRssMiB, memory.rss / 2 ** 20);
    peakHeapMiB = Math.max(peakHeapMiB, memory.heapUsed / 2 ** 20);
  }, 100);

  const commits = new LatencyHistogram();
  const commit = async (first: number) => {
    const count = Math.min(PER_COMMIT, total - first);
    const begun = performance.now();
    const batch = Array.from({ length: count }, (_, i) => ({ type: 'load.generated' as const, payload: { aggregate: `a${(first + i) % 500}`, seq: first + i } }));
    await db.transaction((tx) => outbox.emitAll(tx, batch));
    const at = performance.now();
    commits.record(at - begun);
    for (let i = 0; i < count; i++) committedAt[first + i] = at;
  };

  const started = performance.now();
  if (mode === 'sustained') {
    // Open loop: a commit is due every PER_COMMIT / RATE seconds whether or not earlier ones finished.
    const inFlight = new Set<Promise<void>>();
    for (let first = 0; first < total; first += PER_COMMIT) {
      const due = started + (first / RATE) * 1000;
      const wait = due - performance.now();
      if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
      const pending = commit(first).finally(() => inFlight.delete(pending));
      inFlight.add(pending);
      if (inFlight.size > 64) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
  } else {
    let next = 0;
    await Promise.all(Array.from({ length: 8 }, async () => {
      while (next < total) {
        const first = next;
        next += PER_COMMIT;
        await commit(first);
      }
    }));
  }
  const writtenMs = performance.now() - started;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([done, new Promise((resolve) => (timer = setTimeout(resolve, 120_000)))]);
  clearTimeout(timer);
  const finishedMs = performance.now() - started;
  clearInterval(sampler);
  await events.stop();
  await bus.close();
  await relayClient.close();

  const histogram = new LatencyHistogram();
  for (let i = 0; i < total; i++) if (appliedAt[i]) histogram.record(appliedAt[i]! - committedAt[i]!);
  const sortedLag = [...lag].sort((a, b) => a - b);
  return {
    transport: kind,
    handler,
    events: total,
    applied,
    eventsPerCommit: PER_COMMIT,
    ...(mode === 'sustained' ? { targetEventsPerSecond: RATE, producedEventsPerSecond: Math.round(total / (writtenMs / 1000)) } : {}),
    endToEndEventsPerSecond: Math.round(applied / (finishedMs / 1000)),
    producerCommitMs: { p50: commits.percentile(50), p99: commits.percentile(99) },
    latencyMs: { p50: histogram.percentile(50), p99: histogram.percentile(99), max: histogram.percentile(100) },
    outboxLagSeconds: { p50: sortedLag[Math.floor(sortedLag.length / 2)] ?? 0, p99: sortedLag[Math.floor(sortedLag.length * 0.99)] ?? 0, max: sortedLag.at(-1) ?? 0 },
    peakRssMiB: Math.round(peakRssMiB),
    peakHeapMiB: Math.round(peakHeapMiB),
  };
}

await prepareTemplateDatabase();
// The machine is shared: a load well above its 2 cores before the run makes the numbers pessimistic.
const result: Record<string, unknown> = { loadAverageBefore: loadavg().map((l) => Math.round(l * 10) / 10) };
for (const handler of ['inbox-only', 'one-statement'] as const) {
  for (const kind of ['rabbitmq', 'in-process'] as const) {
    for (const mode of ['sustained', 'max'] as const) {
      const outcome = await scenario(kind, mode, handler);
      console.log(kind, mode, JSON.stringify(outcome));
      result[`${kind}-${mode}-${handler}`] = outcome;
    }
  }
}
result.loadAverageAfter = loadavg().map((l) => Math.round(l * 10) / 10);
console.log(`saved ${saveResult('events', result)}`);
