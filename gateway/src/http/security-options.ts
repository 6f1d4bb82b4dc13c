import type { GatewayOptions } from '../build-gateway';
import type { SecurityConfig } from '../env';
import { createMemoryRateLimiter, createRedisRateLimiter } from './rate-limiter';
import { loadTrustedDocuments } from './trusted-documents';

/** Gateway options from the environment: Redis-backed rate limits when REDIS_URL is set. */
export async function securityOptions(config: SecurityConfig): Promise<Pick<GatewayOptions, 'limits' | 'rateLimits' | 'trustedDocuments' | 'trustedProxies'>> {
  const { redisUrl, ...rateLimits } = config.rateLimits;
  return {
    limits: config.limits,
    rateLimits: { ...rateLimits, limiter: redisUrl ? await createRedisRateLimiter(redisUrl) : createMemoryRateLimiter() },
    trustedDocuments: loadTrustedDocuments(config.trustedDocuments.mode, config.trustedDocuments.manifest),
    trustedProxies: config.trustedProxies,
  };
}
