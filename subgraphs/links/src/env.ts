import { z } from 'zod';

const flag = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1');
const list = z
  .string()
  .default('')
  .transform((value) =>
    value
      .split(',')
      .map((item) => item.trim().toLowerCase())
      .filter(Boolean),
  );

/**
 * The links subgraph's variables (README has the table). LINKS_PUBLIC_URL is the origin short URLs
 * are served at: the gateway in all-in-one and behind `PUBLIC_PATH_UPSTREAMS`, the ingress host in
 * Kubernetes.
 */
export const linksEnv = z
  .object({
    LINKS_PUBLIC_URL: z
      .string()
      .url()
      .default('http://localhost:4000')
      .refine((value) => /^https?:$/.test(new URL(value).protocol) && new URL(value).pathname === '/', 'must be an http(s) origin without a path, e.g. https://mos.ai'),
    LINKS_ANONYMOUS: flag.default(false),
    LINKS_CODE_LENGTH: z.coerce.number().int().min(4).max(32).default(7),
    LINKS_BLOCKED_HOSTS: list,
    LINKS_MAX_PER_USER: z.coerce.number().int().min(1).max(10_000_000).default(100_000),
    LINKS_TRUST_PROXY: flag.default(false),
    LINKS_GEOIP_DB: z.string().optional().or(z.literal('').transform(() => undefined)),
    LINKS_TITLE_FETCH: z.enum(['off', 'public', 'any']).default('public'),
    LINKS_CACHE_ENTRIES: z.coerce.number().int().min(100).max(10_000_000).default(100_000),
    LINKS_VISIT_FLUSH_MS: z.coerce.number().int().min(10).max(60_000).default(1_000),
    LINKS_VISIT_BATCH: z.coerce.number().int().min(1).max(10_000).default(500),
    LINKS_VISIT_QUEUE_MAX: z.coerce.number().int().min(1_000).max(10_000_000).default(200_000),
  })
  .transform((e) => ({
    publicUrl: new URL(e.LINKS_PUBLIC_URL).origin,
    anonymousShortening: e.LINKS_ANONYMOUS,
    codeLength: e.LINKS_CODE_LENGTH,
    blockedHosts: e.LINKS_BLOCKED_HOSTS,
    maxPerUser: e.LINKS_MAX_PER_USER,
    trustProxy: e.LINKS_TRUST_PROXY,
    geoIpDatabase: e.LINKS_GEOIP_DB,
    titleFetch: e.LINKS_TITLE_FETCH,
    cacheEntries: e.LINKS_CACHE_ENTRIES,
    visits: { flushIntervalMs: e.LINKS_VISIT_FLUSH_MS, batchSize: e.LINKS_VISIT_BATCH, maxQueued: e.LINKS_VISIT_QUEUE_MAX },
  }));

export type LinksSettings = z.output<typeof linksEnv>;
