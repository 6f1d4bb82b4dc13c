import autocannon from 'autocannon';
import { API_CALLS_METER, createLogger, createRedisCacheStores, decodeId, monthlyUsageKey, USAGE_NAMESPACE, utcMonthOf } from '@mosaic/kit';
import { startTestGraph } from '@mosaic/platform/testing';
import { prepareTemplateDatabase } from '@mosaic/testing';
import { gql } from './client';
import { saveResult } from './machine';

/**
 * What API-call metering (gateway/src/metering) costs on the hot path: the same gateway, the same
 * light operation (`{ me { id displayName } }`, one accounts fetch), one run, interleaved rounds —
 * with a token naming an organisation (metered: decided in memory, counted in Redis in batches)
 * and with the same user's personal token (not metered). The counters are Redis, as in services
 * mode; the plan comes from tenancy, read once per plan lifetime.
 */
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 20);
const SECONDS = Number(process.env.SECONDS ?? 10);
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const ME = `{ me { id displayName } }`;

async function main() {
  await prepareTemplateDatabase();
  const stores = await createRedisCacheStores(REDIS_URL, createLogger('bench', { level: 'silent' }), `mosaic-bench-metering-${Date.now()}:`);
  const graph = await startTestGraph({ caches: stores, security: { rateLimits: { perIp: 0, perUser: 0 } } });
  try {
    const { token } = await graph.signUp('metering-bench@bench.dev');
    const { createOrganization } = await gql<{ createOrganization: { id: string } }>(graph.gatewayUrl, `mutation { createOrganization(input: { name: "Bench Team" }) { id } }`, {}, token);
    // Business: no API-call limit, so every metered request runs (and is counted) like the others.
    await gql(graph.gatewayUrl, `mutation($o: ID!) { startCheckout(organizationId: $o, plan: "business") { url } }`, { o: createOrganization.id }, token);
    let inOrganization: string | undefined;
    for (let attempt = 0; !inOrganization && attempt < 200; attempt++) {
      inOrganization = await gql<{ switchOrganization: { accessToken: string } | null }>(graph.gatewayUrl, `mutation($id: ID) { switchOrganization(organizationId: $id) { accessToken } }`, { id: createOrganization.id }, token)
        .then((data) => data.switchOrganization?.accessToken)
        .catch(() => undefined);
      if (!inOrganization) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    if (!inOrganization) throw new Error('could not switch to the organisation');
    const tokens = { metered: inOrganization, unmetered: token } as const;
    const measure = async (variant: keyof typeof tokens) => {
      const result = await autocannon({ url: graph.gatewayUrl, method: 'POST', connections: CONNECTIONS, duration: SECONDS, headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[variant]}` }, body: JSON.stringify({ query: ME }) });
      if (result.non2xx > 0 || result.errors > 0) throw new Error(`${variant}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
      return { rps: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99, requests: result.requests.total };
    };
    await measure('metered');
    await measure('unmetered'); // warm-up: JIT, plans, pools
    const counter = monthlyUsageKey(API_CALLS_METER, decodeId('Organization', createOrganization.id), utcMonthOf(new Date()).period);
    const flushed = async () => {
      await new Promise((resolve) => setTimeout(resolve, 1_500)); // one flush interval: the last batch reaches Redis
      return (await stores.counters(USAGE_NAMESPACE).get([counter]))[0] ?? 0;
    };
    const before = await flushed();
    const rounds: Record<'metered' | 'unmetered', Awaited<ReturnType<typeof measure>>>[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const order = (round % 2 ? ['unmetered', 'metered'] : ['metered', 'unmetered']) as (keyof typeof tokens)[];
      const result = {} as (typeof rounds)[number];
      for (const variant of order) result[variant] = await measure(variant);
      rounds.push(result);
      console.log(`round ${round + 1}: metered ${result.metered.rps} rps (p99 ${result.metered.p99} ms), unmetered ${result.unmetered.rps} rps (p99 ${result.unmetered.p99} ms)`);
    }
    const after = await flushed();
    const median = (variant: 'metered' | 'unmetered') => rounds.map((r) => r[variant].rps).sort((a, b) => a - b)[Math.floor(rounds.length / 2)]!;
    const summary = {
      setup: { operation: ME, connections: CONNECTIONS, secondsPerVariant: SECONDS, rounds: ROUNDS, counters: 'redis', flushIntervalMs: 1_000 },
      rounds,
      medianRps: { metered: median('metered'), unmetered: median('unmetered') },
      overheadPercent: Math.round((1 - median('metered') / median('unmetered')) * 1000) / 10,
      // Every metered request of the measured rounds reached the Redis counter (plus those in flight when a round stopped).
      meteredRequests: rounds.reduce((sum, r) => sum + r.metered.requests, 0),
      countedInRedis: after - before,
    };
    console.log(JSON.stringify(summary, null, 2));
    saveResult('metering-overhead', summary);
  } finally {
    await graph.close();
    await stores.close();
  }
}

await main();
