import { afterAll, describe, expect, it } from 'vitest';
import { createMemoryRateLimiter, createRedisRateLimiter, type RateLimiter } from '../src/index';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const limiters: RateLimiter[] = [];
afterAll(async () => {
  for (const limiter of limiters) await limiter.close();
});

const backends: [string, () => Promise<RateLimiter>][] = [
  ['memory', async () => createMemoryRateLimiter()],
  ['redis', async () => createRedisRateLimiter(REDIS_URL, `mosaic-test-${process.pid}-${Date.now()}:`)],
];

describe.each(backends)('%s rate limiter', (_name, create) => {
  it('allows `limit` hits per window and key, then refuses with the time to wait', async () => {
    const limiter = await create();
    limiters.push(limiter);
    const decisions = [];
    for (let i = 0; i < 4; i++) decisions.push(await limiter.hit('ip:1', 3, 60));
    expect(decisions.map((d) => d.allowed)).toEqual([true, true, true, false]);
    expect(decisions.map((d) => d.remaining)).toEqual([2, 1, 0, 0]);
    expect(decisions[3]!.resetSeconds).toBeGreaterThan(55);
    expect((await limiter.hit('ip:2', 3, 60)).allowed).toBe(true);
  });

  it('starts a new window when the old one ends', async () => {
    const limiter = await create();
    limiters.push(limiter);
    expect((await limiter.hit('user:a', 1, 1)).allowed).toBe(true);
    expect((await limiter.hit('user:a', 1, 1)).allowed).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect((await limiter.hit('user:a', 1, 1)).allowed).toBe(true);
  });
});

describe('redis rate limits across gateway replicas', () => {
  it('two limiters on one Redis share the budget', async () => {
    const prefix = `mosaic-test-shared-${process.pid}-${Date.now()}:`;
    const [a, b] = [await createRedisRateLimiter(REDIS_URL, prefix), await createRedisRateLimiter(REDIS_URL, prefix)];
    limiters.push(a, b);
    expect((await a.hit('ip:9', 2, 60)).allowed).toBe(true);
    expect((await b.hit('ip:9', 2, 60)).allowed).toBe(true);
    expect((await a.hit('ip:9', 2, 60)).allowed).toBe(false);
  });
});
