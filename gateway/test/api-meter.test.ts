import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryCounterStore, type CounterStore } from '@mosaic/kit';
import { testLogger } from '@mosaic/testing';
import { createApiMeter, type ApiMeter } from '../src/metering/api-meter';
import type { PlanLimit, PlanLookup } from '../src/metering/plan-limits';

/** The meter alone: in-memory counters that record their calls, a plan lookup that records its batches. */
const open: ApiMeter[] = [];
afterEach(async () => {
  for (const meter of open.splice(0)) await meter.close();
});

const FREE: PlanLimit = { plan: 'free', planName: 'Free', maxApiCallsPerMonth: 5 };

function recording(counters: CounterStore) {
  const adds: number[] = [];
  return {
    adds,
    store: { ...counters, add: (amounts, ttl) => (adds.push(amounts.length), counters.add(amounts, ttl)) } satisfies CounterStore,
  };
}

function meterWith(lookup: PlanLookup, counters: CounterStore, now = () => new Date('2026-12-31T23:59:59Z')) {
  const meter = createApiMeter({ counters, lookup, flushIntervalMs: 60_000, planTtlMs: 60_000, retryMs: 60_000, now, log: testLogger });
  open.push(meter);
  return meter;
}

describe('api meter', () => {
  it('asks for the plans of organisations first seen together in one lookup, and adds every count in one batch per flush', async () => {
    const lookups: string[][] = [];
    const lookup: PlanLookup = async (ids) => (lookups.push([...ids]), new Map(ids.map((id) => [id, FREE])));
    const { adds, store } = recording(createMemoryCounterStore());
    const meter = meterWith(lookup, store);
    const admissions = await Promise.all(['a', 'b', 'c', 'a', 'b', 'c'].map((id) => meter.admit(id)));
    expect(admissions.every((a) => a.allowed)).toBe(true);
    expect(lookups).toEqual([['a', 'b', 'c']]);
    expect(adds).toEqual([]);
    await meter.flush();
    expect(adds).toEqual([3]);
    expect(await store.get(['api-calls:a:2026-12', 'api-calls:b:2026-12'])).toEqual([2, 2]);
  });

  it('refuses at the limit counting what is not flushed yet, and does not count the refusals', async () => {
    const counters = createMemoryCounterStore();
    await counters.add([['api-calls:org:2026-12', 3]], 60_000);
    const meter = meterWith(async (ids) => new Map(ids.map((id) => [id, FREE])), counters);
    const outcomes = [];
    for (let call = 0; call < 4; call++) outcomes.push((await meter.admit('org')).allowed);
    expect(outcomes).toEqual([true, true, false, false]);
    const refusal = await meter.admit('org');
    expect(refusal).toMatchObject({ allowed: false, plan: FREE, period: '2026-12' });
    await meter.flush();
    expect(await counters.get(['api-calls:org:2026-12'])).toEqual([5]);
  });

  it('counts without a limit while the plan cannot be read', async () => {
    const counters = createMemoryCounterStore();
    await counters.add([['api-calls:org:2026-12', 100]], 60_000);
    const meter = meterWith(async () => Promise.reject(new Error('tenancy is down')), counters);
    expect((await meter.admit('org')).allowed).toBe(true);
    await meter.flush();
    expect(await counters.get(['api-calls:org:2026-12'])).toEqual([101]);
  });

  it('keeps counts whose flush failed for the next flush', async () => {
    const counters = createMemoryCounterStore();
    let failing = true;
    const flaky: CounterStore = { ...counters, add: (amounts, ttl) => (failing ? Promise.reject(new Error('redis is down')) : counters.add(amounts, ttl)) };
    const meter = meterWith(async (ids) => new Map(ids.map((id) => [id, FREE])), flaky);
    await meter.admit('org');
    await meter.flush();
    failing = false;
    await meter.admit('org');
    await meter.flush();
    expect(await counters.get(['api-calls:org:2026-12'])).toEqual([2]);
  });

  it('starts a new count with the new UTC month, the old month keeping its calls', async () => {
    const counters = createMemoryCounterStore();
    let at = new Date('2026-12-31T23:59:59Z');
    const meter = meterWith(async (ids) => new Map(ids.map((id) => [id, FREE])), counters, () => at);
    for (let call = 0; call < 5; call++) await meter.admit('org');
    expect((await meter.admit('org')).allowed).toBe(false);
    at = new Date('2027-01-01T00:00:00Z');
    expect((await meter.admit('org')).allowed).toBe(true);
    await meter.flush();
    await expect.poll(() => counters.get(['api-calls:org:2026-12', 'api-calls:org:2027-01'])).toEqual([5, 1]);
  });
});
