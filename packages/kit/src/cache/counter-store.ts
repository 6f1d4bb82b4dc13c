/**
 * Integer counters with lifetimes (usage meters, budgets): in-process (all-in-one) or in Redis,
 * shared by every replica (services mode). A counter's lifetime starts with its first increment
 * and is not extended by later ones, so a counter per period simply ends with its period.
 */
export interface CounterStore {
  /** Adds each amount to its key (a key it does not hold starts at 0 and lives `ttlMs`); the new counts, in order. */
  add(amounts: readonly (readonly [key: string, amount: number])[], ttlMs: number): Promise<number[]>;
  /**
   * Adds `amount` only if the count stays at or below `limit` — atomically, so concurrent callers
   * on any replica cannot overshoot together. The count after it (unchanged when refused) and the
   * milliseconds the counter still lives.
   */
  addWithin(key: string, amount: number, limit: number, ttlMs: number): Promise<{ added: boolean; count: number; ttlMs: number }>;
  /** The current counts (0 for keys it does not hold). */
  get(keys: readonly string[]): Promise<number[]>;
}

/** A key → count table in this process, swept as counters end. */
export function createMemoryCounterStore(): CounterStore & { close(): void } {
  const counters = new Map<string, { count: number; endsAt: number }>();
  const live = (key: string, now: number) => {
    const counter = counters.get(key);
    if (counter && counter.endsAt > now) return counter;
    counters.delete(key);
    return undefined;
  };
  const sweep = setInterval(() => {
    const now = Date.now();
    for (const [key, counter] of counters) if (counter.endsAt <= now) counters.delete(key);
  }, 60_000);
  sweep.unref();
  const start = (key: string, now: number, ttlMs: number) => {
    const counter = { count: 0, endsAt: now + ttlMs };
    counters.set(key, counter);
    return counter;
  };
  return {
    async add(amounts, ttlMs) {
      const now = Date.now();
      return amounts.map(([key, amount]) => {
        const counter = live(key, now) ?? start(key, now, ttlMs);
        counter.count += amount;
        return counter.count;
      });
    },
    async addWithin(key, amount, limit, ttlMs) {
      const now = Date.now();
      const counter = live(key, now) ?? start(key, now, ttlMs);
      const added = counter.count + amount <= limit;
      if (added) counter.count += amount;
      return { added, count: counter.count, ttlMs: counter.endsAt - now };
    },
    async get(keys) {
      const now = Date.now();
      return keys.map((key) => live(key, now)?.count ?? 0);
    },
    close: () => clearInterval(sweep),
  };
}

/** INCRBY each key; a counter that did not exist (its count is the amount) gets its lifetime. */
const ADD_SCRIPT = `
local counts = {}
for i, key in ipairs(KEYS) do
  local amount = tonumber(ARGV[i + 1])
  local count = redis.call('INCRBY', key, amount)
  if count == amount then redis.call('PEXPIRE', key, ARGV[1]) end
  counts[i] = count
end
return counts`;

/** ARGV: amount, limit, ttl. Returns { added (0/1), count, pttl }. */
const ADD_WITHIN_SCRIPT = `
local count = tonumber(redis.call('GET', KEYS[1]) or '0')
local amount = tonumber(ARGV[1])
if count + amount > tonumber(ARGV[2]) then return { 0, count, redis.call('PTTL', KEYS[1]) } end
count = redis.call('INCRBY', KEYS[1], amount)
if count == amount then redis.call('PEXPIRE', KEYS[1], ARGV[3]) end
return { 1, count, redis.call('PTTL', KEYS[1]) }`;

interface RedisCommands {
  eval(script: string, keys: number, ...args: (string | number)[]): Promise<unknown>;
  mget(...keys: string[]): Promise<(string | null)[]>;
}

/** Counters as Redis integers under `prefix` (one round trip per call, whatever the number of keys). */
export function redisCounterStore(redis: RedisCommands, prefix: string): CounterStore {
  const ttl = (ms: number) => Math.max(1, Math.round(ms));
  return {
    async add(amounts, ttlMs) {
      if (amounts.length === 0) return [];
      const counts = (await redis.eval(ADD_SCRIPT, amounts.length, ...amounts.map(([key]) => prefix + key), ttl(ttlMs), ...amounts.map(([, amount]) => amount))) as number[];
      return counts.map(Number);
    },
    async addWithin(key, amount, limit, ttlMs) {
      const [added, count, left] = (await redis.eval(ADD_WITHIN_SCRIPT, 1, prefix + key, amount, limit, ttl(ttlMs))) as [number, number, number];
      return { added: added === 1, count: Number(count), ttlMs: Math.max(0, Number(left)) };
    },
    async get(keys) {
      if (keys.length === 0) return [];
      return (await redis.mget(...keys.map((key) => prefix + key))).map((value) => (value === null ? 0 : Number(value)));
    },
  };
}
