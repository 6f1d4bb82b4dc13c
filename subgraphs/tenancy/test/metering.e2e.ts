import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_CALLS_METER, createRedisCacheStores, decodeId, monthlyUsageKey, USAGE_NAMESPACE, utcMonthOf, type CacheStores, type CounterStore } from '@mosaic/kit';
import { startTestGraph, type TestGraph } from '@mosaic/platform/testing';
import { errorCodes, testLogger } from '@mosaic/testing';

/**
 * API-call metering at the gateway (issue 17), through the whole graph on real Redis: the gateway
 * counts every operation of a token naming an organisation in Redis, learns the plan's limit from
 * tenancy, refuses over it before anything runs, and tenancy reports the same counter as usage.
 */
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
let graph: TestGraph;
let stores: CacheStores;
let usage: CounterStore;
beforeAll(async () => {
  stores = await createRedisCacheStores(REDIS_URL, testLogger, `mosaic-test-metering-${process.pid}-${Date.now()}:`);
  usage = stores.counters(USAGE_NAMESPACE);
  // Short plan lifetime and retry so the test sees plan changes and tenancy's return without waiting a minute.
  graph = await startTestGraph({ caches: stores, metering: { flushIntervalMs: 50, planTtlMs: 300, retryMs: 100 } });
}, 120_000);
afterAll(async () => {
  await graph?.close();
  await stores?.close();
});

const SWITCH = `mutation($id: ID) { switchOrganization(organizationId: $id) { accessToken } }`;
const USAGE = `query($id: ID!) { organization(id: $id) { usage { apiCalls apiCallsLimit period resetsAt } } }`;
const keyOf = (organizationId: string) => monthlyUsageKey(API_CALLS_METER, decodeId('Organization', organizationId), utcMonthOf(new Date()).period);

async function organizationToken(token: string, name: string): Promise<{ organizationId: string; inOrganization: string }> {
  const created = await graph.call(`mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`, { input: { name } }, token);
  const organizationId = created.data!.createOrganization.id as string;
  let switched: string | undefined;
  // Accounts' projection learns the membership from tenancy's event, a relay hop later.
  await expect
    .poll(async () => (switched = (await graph.call(SWITCH, { id: organizationId }, token)).data?.switchOrganization?.accessToken as string | undefined), { timeout: 15_000, interval: 50 })
    .toBeTruthy();
  return { organizationId, inOrganization: switched! };
}

describe('API calls per organisation per month', () => {
  it('counts in Redis, refuses over the plan with QUOTA_EXCEEDED and runs nothing, reports usage in tenancy, and lifts the limit after an upgrade', async () => {
    const owner = await graph.signUp('metering-owner@example.com');
    const { organizationId, inOrganization } = await organizationToken(owner.token, 'Metered Team');
    // This month already used all but three of the free plan's 10,000 calls.
    await usage.add([[keyOf(organizationId), 9_997]], 3_600_000);

    for (let call = 0; call < 3; call++) expect((await graph.call(`{ me { id } }`, {}, inOrganization)).errors).toBeUndefined();
    const refused = await graph.call(`{ me { id } }`, {}, inOrganization);
    expect(refused.status).toBe(429);
    expect(refused.errors).toHaveLength(1);
    expect(refused.errors![0]!.message).toMatch(/Free plan allows 10000 API calls per month/);
    expect(refused.errors![0]!.extensions).toMatchObject({ code: 'QUOTA_EXCEEDED', plan: 'free', limit: 10_000, quota: 'apiCallsPerMonth', period: utcMonthOf(new Date()).period });
    expect(refused.data ?? null).toBeNull();

    // Nothing executes: the refused mutation writes no todo.
    const write = await graph.call(`mutation { createTodo(input: { title: "over quota" }) { id } }`, {}, inOrganization);
    expect(errorCodes(write)).toEqual(['QUOTA_EXCEEDED']);
    const todos = await graph.call(`{ me { todos { totalCount } } }`, {}, owner.token);
    expect(todos.data!.me.todos.totalCount).toBe(0);

    // Tenancy reads the same counter (asked with the personal token, which is not an organisation's call).
    await expect.poll(async () => (await graph.call(USAGE, { id: organizationId }, owner.token)).data?.organization?.usage?.apiCalls, { timeout: 10_000, interval: 50 }).toBe(10_000);
    const reported = (await graph.call(USAGE, { id: organizationId }, owner.token)).data!.organization.usage;
    expect(reported).toEqual({ apiCalls: 10_000, apiCallsLimit: 10_000, period: utcMonthOf(new Date()).period, resetsAt: utcMonthOf(new Date()).endsAt.toISOString() });
    expect(await usage.get([keyOf(organizationId)])).toEqual([10_000]);

    // The Team plan (offline billing: in force at once) allows 1,000,000: the gateway learns it within the plan lifetime.
    expect((await graph.call(`mutation($o: ID!) { startCheckout(organizationId: $o, plan: "team") { url } }`, { o: organizationId }, owner.token)).errors).toBeUndefined();
    await expect.poll(async () => errorCodes(await graph.call(`{ me { id } }`, {}, inOrganization)), { timeout: 10_000, interval: 50 }).toEqual([]);
    await expect.poll(async () => (await usage.get([keyOf(organizationId)]))[0], { timeout: 10_000, interval: 50 }).toBeGreaterThan(10_000);
  });

  it('keeps serving (and counting) while tenancy is down, and enforces the limit again once it answers', async () => {
    const owner = await graph.signUp('metering-outage@example.com');
    const { organizationId, inOrganization } = await organizationToken(owner.token, 'Outage Team');
    await usage.add([[keyOf(organizationId), 20_000]], 3_600_000);
    await graph.stopSubgraph('tenancy');
    try {
      // The gateway has never read this organisation's plan and cannot now: counted, not limited.
      const during = await graph.call(`{ me { id } }`, {}, inOrganization);
      expect(during.errors).toBeUndefined();
      await expect.poll(async () => (await usage.get([keyOf(organizationId)]))[0], { timeout: 10_000, interval: 50 }).toBe(20_001);
    } finally {
      await graph.startSubgraph('tenancy');
    }
    await expect.poll(async () => errorCodes(await graph.call(`{ me { id } }`, {}, inOrganization)), { timeout: 15_000, interval: 100 }).toEqual(['QUOTA_EXCEEDED']);
  });

  it('does not count operations of tokens naming no organisation', async () => {
    const user = await graph.signUp('metering-personal@example.com');
    const { organizationId } = await organizationToken(user.token, 'Personal Calls Team');
    for (let call = 0; call < 3; call++) expect((await graph.call(`{ me { id } }`, {}, user.token)).errors).toBeUndefined();
    expect(await usage.get([keyOf(organizationId)])).toEqual([0]);
    expect((await graph.call(USAGE, { id: organizationId }, user.token)).data!.organization.usage.apiCalls).toBe(0);
  });
});
