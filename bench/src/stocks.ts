import { randomBytes } from 'node:crypto';
import WebSocket from 'ws';
import { createLogger, createMemoryPubSub, generateSigningKey, generateFieldKey } from '@mosaic/kit';
import { spawnServices } from '@mosaic/platform/services';
import { forecastPrices, Ingestor, profileFor, SimulatedMarket, type Trade } from '@mosaic/stocks';
import { createTestDatabase, prepareTemplateDatabase } from '@mosaic/testing';
import { cpuMs } from '../gateways/process-cpu';
import { LatencyHistogram } from './latency-histogram';
import { median, saveResult } from './machine';

/**
 * Stocks: (1) trades ingested per second with quotes and M1/M5/H1/D1 candles aggregated, in memory
 * and including the flush to PostgreSQL; (2) quote fan-out through the gateway to 1,000 graphql-ws
 * subscribers (services mode, compiled), trade → client latency from each quote's trade time, and
 * how many events the gateway conflated; (3) forecast latency (AR model fit + walk-forward backtest).
 */
const SYMBOLS = ['ACME', 'GLOBX', 'INITECH', 'UMBRL', 'HOOLI'];
const log = createLogger('bench', { level: 'silent' });

async function ingestion() {
  await using database = await createTestDatabase();
  const ingestor = new Ingestor({ db: database.db(), pubsub: createMemoryPubSub(), log, now: () => new Date() });
  const market = new SimulatedMarket(SYMBOLS.map(profileFor), { seed: 'bench', startAt: Date.parse('2026-11-02T00:00:00Z') });
  const batches: Trade[][] = [];
  let trades = 0;
  for (let at = Date.parse('2026-11-02T00:00:00Z'); trades < 500_000; at += 250) {
    const batch = market.advanceTo(at);
    trades += batch.length;
    batches.push(batch);
  }
  const started = performance.now();
  for (const batch of batches) ingestor.ingest({ trades: batch, historical: false });
  const inMemoryMs = performance.now() - started;
  await ingestor.flush();
  const totalMs = performance.now() - started;
  return {
    trades,
    symbols: SYMBOLS.length,
    simulatedDays: Math.round((batches.length * 250) / 86_400_000 * 10) / 10,
    tradesPerSecondInMemory: Math.round(trades / (inMemoryMs / 1000)),
    tradesPerSecondWithStorage: Math.round(trades / (totalMs / 1000)),
    note: 'live batches: one quote event per trade and candle events per batch published (in-process pub/sub); storage = one flush of every touched candle and quote',
  };
}

async function forecasting() {
  const market = new SimulatedMarket([profileFor('ACME')], { seed: 'forecast', startAt: 0 });
  const closes: number[] = [];
  for (let at = 60_000; closes.length < 600; at += 60_000) {
    const [trade] = market.advanceTo(at);
    if (trade) closes.push(trade.price);
  }
  const result: Record<string, { p50Ms: number; p99Ms: number; runs: number }> = {};
  for (const horizon of [5, 30, 60]) {
    const times: number[] = [];
    for (let run = 0; run < 40; run++) {
      const started = performance.now();
      forecastPrices(closes, horizon);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    result[`horizon${horizon}`] = { p50Ms: round(median(times)), p99Ms: round(times[Math.floor(times.length * 0.99)] ?? times.at(-1)!), runs: times.length };
  }
  return { closes: closes.length, ...result };
}

const round = (value: number) => Math.round(value * 100) / 100;

async function quoteFanOut(subscribers: number, ticksPerSecond: number, seconds: number) {
  await using database = await createTestDatabase();
  const graph = await spawnServices({
    env: {
      LOG_LEVEL: 'error',
      NODE_ENV: 'production',
      DATABASE_URL: database.url,
      ACCOUNTS_SIGNING_KEYS: JSON.stringify([await generateSigningKey('bench')]),
      ACCOUNTS_FIELD_KEYS: JSON.stringify([generateFieldKey('bench')]),
      // Users sign up and in at once here; verified sign-up (production's default) is tested in accounts.
      ACCOUNTS_SIGNUP: 'instant',
      CHAIN_KEY_ENCRYPTION_KEYS: JSON.stringify([generateFieldKey('bench')]),
      GATEWAY_SHARED_SECRET: randomBytes(32).toString('base64url'),
      RATE_LIMIT_PER_IP: '0',
      // Every simulated client connects from this one machine.
      WS_MAX_CONNECTIONS_PER_IP: '0',
      STOCKS_SIM_TICKS_PER_SECOND: String(ticksPerSecond),
      STOCKS_SIM_WARMUP_DAYS: '0',
    },
    ports: 'free',
  });
  try {
    await graph.ready();
    const gateway = graph.services.find((s) => s.name === 'gateway')!;
    const histogram = new LatencyHistogram();
    const counts = new Uint32Array(subscribers);
    let measuring = false;
    const sockets: WebSocket[] = [];
    for (let i = 0; i < subscribers; i++) {
      const socket = new WebSocket(gateway.url.replace('http', 'ws'), 'graphql-transport-ws', { perMessageDeflate: false });
      sockets.push(socket);
      await new Promise<void>((resolve, reject) => {
        socket.once('open', () => socket.send('{"type":"connection_init","payload":{}}'));
        socket.once('error', reject);
        socket.on('message', (raw) => {
          const data = raw.toString();
          if (data.startsWith('{"type":"connection_ack"')) {
            socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: 'subscription { quotes(symbols: ["ACME"]) { symbol last at } }' } }));
            resolve();
            return;
          }
          if (!measuring) return;
          const at = data.indexOf('"at":"');
          if (at < 0) return;
          counts[i]!++;
          histogram.record(Date.now() - Date.parse(data.slice(at + 6, data.indexOf('"', at + 6))));
        });
      });
    }
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const gatewayCpu = cpuMs(gateway.process.pid!);
    measuring = true;
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    measuring = false;
    const cpuPercent = Math.round((cpuMs(gateway.process.pid!) - gatewayCpu) / (seconds * 10));
    const metrics = await (await fetch(`${gateway.internalUrl!}/metrics`)).text();
    for (const socket of sockets) socket.terminate();
    const sorted = [...counts].sort((a, b) => a - b);
    return {
      subscribers,
      ticksPerSecondPerSymbol: ticksPerSecond,
      seconds,
      eventsPerSubscriber: { min: sorted[0], median: sorted[Math.floor(sorted.length / 2)], max: sorted.at(-1) },
      deliveries: sorted.reduce((sum, n) => sum + n, 0),
      latencyMs: { p50: histogram.percentile(50), p99: histogram.percentile(99), max: histogram.percentile(100) },
      gatewayCpuPercent: cpuPercent,
      conflated: Number(/^mosaic_gateway_subscription_conflated_total (\d+)/m.exec(metrics)?.[1] ?? 0),
      slowConsumersClosed: Number(/^mosaic_gateway_subscription_slow_consumers_closed_total (\d+)/m.exec(metrics)?.[1] ?? 0),
      note: 'latency = client receive time − the trade time the quote carries; the simulator trades ACME at most once per step with probability 0.9',
    };
  } finally {
    await graph.stop();
  }
}

// Scratch databases are clones of one migrated template (the test suite's mechanism).
await prepareTemplateDatabase();

const ingest = await ingestion();
console.log('ingestion', JSON.stringify(ingest));
const forecast = await forecasting();
console.log('forecast', JSON.stringify(forecast));
const fanOut = await quoteFanOut(Number(process.env.SUBSCRIBERS ?? 1000), Number(process.env.TICKS ?? 20), Number(process.env.SECONDS ?? 20));
console.log('quote fan-out', JSON.stringify(fanOut));
console.log(`saved ${saveResult('stocks', { ingestion: ingest, forecast, quoteFanOut: fanOut })}`);
