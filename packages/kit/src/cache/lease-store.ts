/**
 * Leases with expiry instants, grouped by holder (e.g. one lease per connection of a person):
 * in-process (all-in-one) or in Redis, shared by every replica (services mode). A holder "holds"
 * while at least one of its leases has not expired. Instants are epoch milliseconds given by the
 * caller (so a test's clock is the only clock that matters); expired leases are simply ignored
 * and swept later.
 */
export interface LeaseStore {
  /** Takes or extends the lease `leaseId` of `holder` until `expiresAt`. */
  renew(holder: string, leaseId: string, expiresAt: number): Promise<void>;
  /** Gives the lease up before it expires; releasing one not held changes nothing. */
  release(holder: string, leaseId: string): Promise<void>;
  /** Per holder, in order: the latest expiry among its leases still live at `now`, or null when none is. */
  latestExpiries(holders: readonly string[], now: number): Promise<(number | null)[]>;
}

/** A holder → (lease → expiry) table in this process. */
export function createMemoryLeaseStore(): LeaseStore {
  const holders = new Map<string, Map<string, number>>();
  return {
    async renew(holder, leaseId, expiresAt) {
      let leases = holders.get(holder);
      if (!leases) holders.set(holder, (leases = new Map()));
      leases.set(leaseId, expiresAt);
    },
    async release(holder, leaseId) {
      const leases = holders.get(holder);
      leases?.delete(leaseId);
      if (leases?.size === 0) holders.delete(holder);
    },
    async latestExpiries(keys, now) {
      return keys.map((holder) => {
        const leases = holders.get(holder);
        if (!leases) return null;
        let latest: number | null = null;
        for (const [leaseId, expiresAt] of leases) {
          if (expiresAt <= now) leases.delete(leaseId);
          else if (latest === null || expiresAt > latest) latest = expiresAt;
        }
        if (leases.size === 0) holders.delete(holder);
        return latest;
      });
    },
  };
}

/**
 * Adds the lease (a sorted set member scored by its expiry) and keeps the set alive until its
 * latest lease ends: Redis forgets a holder nobody renews. ARGV: lease, expiresAt, ttl ms.
 */
const RENEW_SCRIPT = `
redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
local latest = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
local ttl = tonumber(latest[2]) - tonumber(ARGV[2]) + tonumber(ARGV[3])
redis.call('PEXPIRE', KEYS[1], math.max(1, math.floor(ttl)))
return 1`;

interface RedisCommands {
  eval(script: string, keys: number, ...args: (string | number)[]): Promise<unknown>;
  zrem(key: string, member: string): Promise<unknown>;
  pipeline(): { zrevrangebyscore(key: string, max: string, min: string, withScores: 'WITHSCORES', limit: 'LIMIT', offset: number, count: number): unknown; exec(): Promise<[Error | null, unknown][] | null> };
}

/** Leases as one sorted set per holder under `prefix`; a read of many holders is one round trip. */
export function redisLeaseStore(redis: RedisCommands, prefix: string, now: () => number = Date.now): LeaseStore {
  return {
    async renew(holder, leaseId, expiresAt) {
      // The set's own lifetime is relative to Redis's clock, the score to the caller's.
      await redis.eval(RENEW_SCRIPT, 1, prefix + holder, leaseId, expiresAt, Math.max(1, Math.round(expiresAt - now())));
    },
    async release(holder, leaseId) {
      await redis.zrem(prefix + holder, leaseId);
    },
    async latestExpiries(holders, at) {
      if (holders.length === 0) return [];
      const pipeline = redis.pipeline();
      for (const holder of holders) pipeline.zrevrangebyscore(prefix + holder, '+inf', `(${at}`, 'WITHSCORES', 'LIMIT', 0, 1);
      const results = (await pipeline.exec()) ?? [];
      return results.map(([error, reply]) => {
        if (error) throw error;
        const [, score] = reply as string[];
        return score === undefined ? null : Number(score);
      });
    },
  };
}
