import { fileURLToPath } from 'node:url';
import { parseTrustedProxies } from './http/client-address';
import { parsePublicPathUpstreams } from './http/public-path-proxy';
import { authVerifyEnv, envModel, envVar, eventsEnv, httpEnv, memoEnv, runtimeEnv, tracingEnv, trustEnv, type EnvOutput } from '@mosaic/kit';

export const supergraphEnv = envModel(
  {
    SUPERGRAPH_PATH: envVar.text(fileURLToPath(new URL('../../schema/supergraph.graphql', import.meta.url))),
    SUBGRAPH_TIMEOUT_MS: envVar.integer(10_000, { min: 1 }),
  },
  (e) => ({ path: e.SUPERGRAPH_PATH, timeoutMs: e.SUBGRAPH_TIMEOUT_MS }),
);

/**
 * PUBLIC_PATH_UPSTREAMS: subgraphs' public paths the gateway forwards in services mode without an
 * ingress (generated into docker-compose.yml; see public-path-proxy.ts). Empty: none.
 */
export const publicPathsEnv = envModel({ PUBLIC_PATH_UPSTREAMS: envVar.parsed('', parsePublicPathUpstreams, '"/=http://links:4006"') }, (e) => ({
  upstreams: e.PUBLIC_PATH_UPSTREAMS,
}));

/** `SUBGRAPH_URL_<NAME>` (e.g. SUBGRAPH_URL_TODOS) overrides the routing URL in the supergraph. */
export function subgraphUrlOverrides(source: NodeJS.ProcessEnv = process.env): Record<string, string> {
  return Object.fromEntries(
    Object.entries(source)
      .filter((entry): entry is [string, string] => entry[0].startsWith('SUBGRAPH_URL_') && Boolean(entry[1]))
      .map(([key, url]) => [key.slice('SUBGRAPH_URL_'.length).toLowerCase(), url]),
  );
}

/** `/metrics` and `/status` listen here, apart from client traffic (the ingress exposes only PORT). */
export const internalEnv = envModel({ INTERNAL_PORT: envVar.integer(9464, { min: 0, max: 65535 }) }, (e) => ({ port: e.INTERNAL_PORT }));

/** Subscription limits; see README "Subscriptions" for the slow-consumer policy. */
export const subscriptionsEnv = envModel(
  {
    SUBSCRIPTIONS_MAX_PER_CONNECTION: envVar.integer(100, { min: 1 }),
    WS_MAX_PAYLOAD_BYTES: envVar.integer(64 * 1024, { min: 1 }),
    WS_ALLOWED_ORIGINS: envVar.text(''),
    SUBSCRIPTION_MAX_BUFFERED_BYTES: envVar.integer(1024 * 1024, { min: 1 }),
    WS_MAX_CONNECTIONS_PER_IP: envVar.integer(100, { min: 0 }),
  },
  (e) => ({
    maxSubscriptionsPerConnection: e.SUBSCRIPTIONS_MAX_PER_CONNECTION,
    maxPayloadBytes: e.WS_MAX_PAYLOAD_BYTES,
    allowedOrigins: e.WS_ALLOWED_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean),
    maxBufferedBytes: e.SUBSCRIPTION_MAX_BUFFERED_BYTES,
    maxConnectionsPerAddress: e.WS_MAX_CONNECTIONS_PER_IP,
  }),
);

const nonNegative = (fallback: number) => envVar.integer(fallback, { min: 0 });

/** Operation limits, rate limits and trusted documents; see the README's configuration table. */
export const securityEnv = envModel(
  {
    GRAPHQL_MAX_DEPTH: nonNegative(15),
    GRAPHQL_MAX_ALIASES: nonNegative(30),
    GRAPHQL_MAX_DIRECTIVES: nonNegative(50),
    GRAPHQL_MAX_TOKENS: nonNegative(5_000),
    GRAPHQL_MAX_COST: nonNegative(50_000),
    GRAPHQL_MAX_INTROSPECTION_DEPTH: nonNegative(20),
    GRAPHQL_MAX_STRING_LENGTH: nonNegative(10_000),
    MAX_BODY_BYTES: nonNegative(1024 * 1024),
    RATE_LIMIT_PER_IP: nonNegative(1200),
    RATE_LIMIT_PER_USER: nonNegative(600),
    TRUST_PROXY: envVar.parsed('false', parseTrustedProxies),
    REDIS_URL: envVar.optionalUrl(),
    TRUSTED_DOCUMENTS: envVar.oneOf(['off', 'allow', 'strict'], 'off'),
    /** Comma-separated manifests: the shared client operations and the web app's. */
    TRUSTED_DOCUMENTS_MANIFEST: envVar.text(
      ['../../schema/client/persisted-documents.json', '../../web/src/graphql/persisted-documents.json'].map((path) => fileURLToPath(new URL(path, import.meta.url))).join(','),
    ),
  },
  (e) => ({
    limits: {
      maxDepth: e.GRAPHQL_MAX_DEPTH,
      maxAliases: e.GRAPHQL_MAX_ALIASES,
      maxDirectives: e.GRAPHQL_MAX_DIRECTIVES,
      maxTokens: e.GRAPHQL_MAX_TOKENS,
      maxCost: e.GRAPHQL_MAX_COST,
      maxIntrospectionDepth: e.GRAPHQL_MAX_INTROSPECTION_DEPTH,
      maxStringLength: e.GRAPHQL_MAX_STRING_LENGTH,
      maxBodyBytes: e.MAX_BODY_BYTES,
    },
    rateLimits: { perIp: e.RATE_LIMIT_PER_IP, perUser: e.RATE_LIMIT_PER_USER, redisUrl: e.REDIS_URL },
    trustedProxies: e.TRUST_PROXY,
    trustedDocuments: { mode: e.TRUSTED_DOCUMENTS, manifest: e.TRUSTED_DOCUMENTS_MANIFEST },
  }),
);
export type SecurityConfig = EnvOutput<typeof securityEnv>;

/**
 * Demand control (IBM cost spec): DEMAND_CONTROL `measure` (default: metrics only) or `enforce`;
 * COST_MAX_PER_OPERATION; COST_BUDGET_PER_CLIENT cost units per COST_BUDGET_WINDOW_SECONDS (0: no
 * client budget); COST_DEFAULT_LIST_SIZE for lists without `@listSize`.
 */
export const demandControlEnv = envModel(
  {
    DEMAND_CONTROL: envVar.oneOf(['measure', 'enforce'], 'measure'),
    COST_MAX_PER_OPERATION: envVar.integer(10_000, { min: 1 }),
    COST_BUDGET_PER_CLIENT: envVar.integer(200_000, { min: 0 }),
    COST_BUDGET_WINDOW_SECONDS: envVar.integer(60, { min: 1 }),
    COST_DEFAULT_LIST_SIZE: envVar.integer(10, { min: 0 }),
  },
  (e) => ({
    mode: e.DEMAND_CONTROL,
    maxCost: e.COST_MAX_PER_OPERATION,
    clientBudget: e.COST_BUDGET_PER_CLIENT,
    clientWindowSeconds: e.COST_BUDGET_WINDOW_SECONDS,
    defaultListSize: e.COST_DEFAULT_LIST_SIZE,
  }),
);

/**
 * The entity cache (ENTITY_CACHE) and the response cache (RESPONSE_CACHE), `on` by default; they
 * cache only what the subgraphs' `@cacheControl` hints allow. ENTITY_CACHE_MAX_ENTITIES bounds the
 * in-process store (with REDIS_URL the entries live in Redis, evicted by its policy).
 * SHARE_INFLIGHT_QUERIES (`on`): identical queries of one viewer in flight share one execution.
 */
const onOff = (fallback: 'on' | 'off') => envVar.oneOf(['on', 'off'], fallback);

export const cachingEnv = envModel(
  {
    ENTITY_CACHE: onOff('on'),
    RESPONSE_CACHE: onOff('on'),
    ENTITY_CACHE_MAX_ENTITIES: envVar.integer(10_000, { min: 1 }),
    SHARE_INFLIGHT_QUERIES: onOff('on'),
  },
  (e) => ({ entities: e.ENTITY_CACHE === 'on', responses: e.RESPONSE_CACHE === 'on', maxEntities: e.ENTITY_CACHE_MAX_ENTITIES, inflightQueries: e.SHARE_INFLIGHT_QUERIES === 'on' }),
);

/**
 * API metering per organisation (metering/): API_METERING `on` (default) or `off`; counts go to
 * the shared counters every API_METERING_FLUSH_MS; a plan read from tenancy is trusted for
 * API_METERING_PLAN_TTL_SECONDS (a plan change shows within it).
 */
export const meteringEnv = envModel(
  {
    API_METERING: onOff('on'),
    API_METERING_FLUSH_MS: envVar.integer(1_000, { min: 1 }),
    API_METERING_PLAN_TTL_SECONDS: envVar.integer(60, { min: 1 }),
  },
  (e) => ({ enabled: e.API_METERING === 'on', flushIntervalMs: e.API_METERING_FLUSH_MS, planTtlMs: e.API_METERING_PLAN_TTL_SECONDS * 1000 }),
);
export type MeteringEnv = EnvOutput<typeof meteringEnv>;

/** OVERRIDE_LABELS: `@override` labels (other than `percent(n)`) that are on for every request, comma-separated. */
export const overrideEnv = envModel({ OVERRIDE_LABELS: envVar.text('') }, (e) => ({
  enabledLabels: e.OVERRIDE_LABELS.split(',').map((l) => l.trim()).filter(Boolean),
}));

/** APOLLO_TELEMETRY `on`: @apollo/gateway sends Apollo its anonymous host data (apollo-telemetry.ts); `off` by default. */
export const apolloTelemetryEnv = envModel({ APOLLO_TELEMETRY: onOff('off') }, (e) => ({ enabled: e.APOLLO_TELEMETRY === 'on' }));

export const env = memoEnv({
  runtime: runtimeEnv,
  http: httpEnv(4000),
  internal: internalEnv,
  auth: authVerifyEnv,
  supergraph: supergraphEnv,
  publicPaths: publicPathsEnv,
  subscriptions: subscriptionsEnv,
  trust: trustEnv,
  security: securityEnv,
  demandControl: demandControlEnv,
  progressiveOverride: overrideEnv,
  caching: cachingEnv,
  /** AMQP_URL: where the events that invalidate cached entities arrive. */
  events: eventsEnv,
  metering: meteringEnv,
  tracing: tracingEnv,
  apolloTelemetry: apolloTelemetryEnv,
});
