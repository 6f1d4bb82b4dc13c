import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLogger, createMemoryCacheStores, createRedisCacheStores, type CacheStores } from '@mosaic/kit';
import { createTestAuth, createTestDatabase, graphql, serveModuleForTest } from '@mosaic/testing';
import weather, { type BuiltWeather } from '@mosaic/weather';
import { saveResult } from './machine';

/**
 * The weather cache in front of a provider that takes UPSTREAM_MS to answer (a local server in
 * Open-Meteo's wire format — a real provider is tens to hundreds of ms away): latency of a miss vs
 * a hit, the hit ratio under a skewed mix of places, and 100 concurrent identical requests on a
 * cold key. The subgraph runs in this process over real HTTP; the caches in-process (all-in-one)
 * and in Redis (services mode).
 */
const UPSTREAM_MS = Number(process.env.UPSTREAM_MS ?? 40);
const POINTS = Number(process.env.POINTS ?? 200);
const MIXED_REQUESTS = Number(process.env.MIXED_REQUESTS ?? 4_000);
const CONCURRENCY = 20;
const log = createLogger('bench', { level: 'silent' });

let upstreamCalls = 0;
const upstream = createServer((req, res) => {
  upstreamCalls++;
  const url = new URL(req.url ?? '/', 'http://x');
  const now = Math.floor(Date.now() / 900_000) * 900;
  setTimeout(() => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        latitude: Number(url.searchParams.get('latitude')),
        longitude: Number(url.searchParams.get('longitude')),
        timezone: 'Europe/Berlin',
        utc_offset_seconds: 3600,
        current: { time: now, temperature_2m: 3.4, relative_humidity_2m: 81, apparent_temperature: -0.5, is_day: 1, precipitation: 0.2, weather_code: 61, cloud_cover: 100, pressure_msl: 1009.8, wind_speed_10m: 14.3, wind_direction_10m: 250, wind_gusts_10m: 31.7 },
      }),
    );
  }, UPSTREAM_MS);
});
await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
const upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;

/** Samples in milliseconds (sub-millisecond hits need more than the millisecond buckets of LatencyHistogram). */
class Samples {
  private readonly values: number[] = [];
  record(ms: number) {
    this.values.push(ms);
  }
  percentile(p: number) {
    const sorted = [...this.values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
  }
}

const QUERY = `query($lat: Float!, $lon: Float!) { weather(coordinates: { latitude: $lat, longitude: $lon }) { current { temperature stale } } }`;
const point = (i: number) => ({ lat: 40 + Math.floor(i / 100) * 0.5, lon: -10 + (i % 100) * 0.25 });

async function timed(url: string, variables: Record<string, unknown>, histogram: Samples) {
  const started = performance.now();
  const result = await graphql(url, QUERY, variables);
  histogram.record(performance.now() - started);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
}

async function scenario(label: string, caches: CacheStores) {
  const database = await createTestDatabase();
  const auth = await createTestAuth();
  const served = await serveModuleForTest(weather, { db: database.db(), client: database.client, verifier: auth.verifier, caches, log }, { WEATHER_PROVIDER: 'open-meteo', OPEN_METEO_URL: upstreamUrl, OPEN_METEO_GEOCODING_URL: upstreamUrl });
  const { cache } = served.built as BuiltWeather;
  try {
    // Warm-up (JIT, keep-alive): not measured.
    const warm = new Samples();
    for (let i = 0; i < 300; i++) await timed(served.url, point(POINTS * 20 + (i % 30)), warm);
    const miss = new Samples();
    const hit = new Samples();
    for (let i = 0; i < POINTS; i++) await timed(served.url, point(i), miss);
    for (let i = 0; i < POINTS; i++) await timed(served.url, point(i), hit);
    // A skewed mix: a few places are asked for most (rank r with probability ∝ 1/r), over 5× as many places as were warmed.
    const before = { ...cache.counters };
    const weights = Array.from({ length: POINTS * 5 }, (_, r) => 1 / (r + 1));
    const total = weights.reduce((a, b) => a + b, 0);
    const pick = () => {
      let x = Math.random() * total;
      for (let r = 0; r < weights.length; r++) if ((x -= weights[r]!) <= 0) return r;
      return weights.length - 1;
    };
    const mixed = new Samples();
    let sent = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (sent++ < MIXED_REQUESTS) await timed(served.url, point(POINTS * 10 + pick()), mixed);
      }),
    );
    const hits = cache.counters.hits - before.hits;
    const misses = cache.counters.misses - before.misses;
    const callsBefore = upstreamCalls;
    await Promise.all(Array.from({ length: 100 }, () => graphql(served.url, QUERY, { lat: -33.87, lon: 151.21 })));
    return {
      label,
      missMs: { p50: round(miss.percentile(50)), p99: round(miss.percentile(99)), requests: POINTS },
      hitMs: { p50: round(hit.percentile(50)), p99: round(hit.percentile(99)), requests: POINTS },
      mixed: { requests: MIXED_REQUESTS, concurrency: CONCURRENCY, distinctPlaces: weights.length, hitRatio: round(hits / (hits + misses)), p50Ms: round(mixed.percentile(50)), p99Ms: round(mixed.percentile(99)) },
      coldConcurrent: { requests: 100, upstreamCalls: upstreamCalls - callsBefore },
    };
  } finally {
    await served.close();
    await caches.close();
    await database.drop();
  }
}

const round = (value: number) => Math.round(value * 100) / 100;

try {
  const results = [
    await scenario('in-process cache (all-in-one)', createMemoryCacheStores()),
    await scenario('Redis cache (services mode)', await createRedisCacheStores(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379', log, `mosaic-bench-${Date.now()}:`)),
  ];
  const summary = { upstreamLatencyMs: UPSTREAM_MS, results, setup: 'weather subgraph in the benchmark process over real HTTP, Query.weather { current }, Open-Meteo wire format from a local server that answers after UPSTREAM_MS' };
  console.log(JSON.stringify(summary, null, 2));
  console.log(`saved ${saveResult('weather-cache', summary)}`);
} finally {
  upstream.close();
}
