import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { authVerifyEnv, httpEnv, memoEnv, runtimeEnv } from '@mosaic/kit';

export const supergraphEnv = z
  .object({
    SUPERGRAPH_PATH: z.string().default(fileURLToPath(new URL('../../schema/supergraph.graphql', import.meta.url))),
    SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  })
  .transform((e) => ({ path: e.SUPERGRAPH_PATH, timeoutMs: e.SUBGRAPH_TIMEOUT_MS }));

/** `SUBGRAPH_URL_<NAME>` (e.g. SUBGRAPH_URL_TODOS) overrides the routing URL in the supergraph. */
export function subgraphUrlOverrides(source: NodeJS.ProcessEnv = process.env): Record<string, string> {
  return Object.fromEntries(
    Object.entries(source)
      .filter((entry): entry is [string, string] => entry[0].startsWith('SUBGRAPH_URL_') && Boolean(entry[1]))
      .map(([key, url]) => [key.slice('SUBGRAPH_URL_'.length).toLowerCase(), url]),
  );
}

/** Subscription limits; see README "Subscriptions" for the slow-consumer policy. */
export const subscriptionsEnv = z
  .object({
    SUBSCRIPTIONS_MAX_PER_CONNECTION: z.coerce.number().int().positive().default(100),
    WS_MAX_PAYLOAD_BYTES: z.coerce.number().int().positive().default(64 * 1024),
    WS_ALLOWED_ORIGINS: z.string().default(''),
    SUBSCRIPTION_MAX_BUFFERED_BYTES: z.coerce.number().int().positive().default(1024 * 1024),
  })
  .transform((e) => ({
    maxSubscriptionsPerConnection: e.SUBSCRIPTIONS_MAX_PER_CONNECTION,
    maxPayloadBytes: e.WS_MAX_PAYLOAD_BYTES,
    allowedOrigins: e.WS_ALLOWED_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean),
    maxBufferedBytes: e.SUBSCRIPTION_MAX_BUFFERED_BYTES,
  }));

export const env = memoEnv({
  runtime: runtimeEnv,
  http: httpEnv(4000),
  auth: authVerifyEnv,
  supergraph: supergraphEnv,
  subscriptions: subscriptionsEnv,
});
