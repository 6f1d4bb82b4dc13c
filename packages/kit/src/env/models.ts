import { envModel, type EnvOutput } from './env-model';
import { envVar } from './env-vars';

const port = (fallback: number) => envVar.integer(fallback, { min: 0, max: 65535 });

/**
 * DATABASE_URL set → a PostgreSQL server through postgres.js (services mode).
 * Unset → embedded PostgreSQL (PGlite) in PGLITE_DIR, the all-in-one default.
 */
export const databaseEnv = envModel(
  {
    DATABASE_URL: envVar.optionalUrl(),
    DATABASE_POOL_MAX: envVar.integer(10, { min: 1 }),
    PGLITE_DIR: envVar.text('.data/pglite'),
    /** The non-owner role requests of row-level-security subgraphs connect as (DATABASE_URL's user owns the tables and migrates). */
    DATABASE_APP_USER: envVar.text('mosaic_app', { regex: /^[a-z_][a-z0-9_]*$/, description: 'a PostgreSQL role name' }),
    DATABASE_APP_PASSWORD: envVar.optionalText(),
  },
  (e): DatabaseConfig =>
    e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL, poolMax: e.DATABASE_POOL_MAX, appUser: e.DATABASE_APP_USER, appPassword: e.DATABASE_APP_PASSWORD }
      : { kind: 'pglite', dataDir: e.PGLITE_DIR },
);
export type DatabaseConfig =
  | { readonly kind: 'postgres'; readonly url: string; readonly poolMax: number; readonly appUser?: string | undefined; readonly appPassword?: string | undefined }
  | { readonly kind: 'pglite'; readonly dataDir: string };

/** How every service verifies access tokens issued by accounts. */
export interface AuthVerifyConfig {
  jwksUrl: string;
  /** `iss` of first-party tokens (login, refresh). */
  issuer: string;
  audience: string;
  /** `iss` of the tokens accounts' OAuth server gives third-party apps; absent → none accepted. */
  oauthIssuer?: string | undefined;
}

export const authVerifyEnv = envModel(
  {
    JWKS_URL: envVar.url('http://localhost:4001/.well-known/jwks.json'),
    JWT_ISSUER: envVar.text('mosaic-accounts'),
    JWT_AUDIENCE: envVar.text('mosaic'),
    /** accounts' OAuth 2.0 / OpenID Connect issuer: tokens it gives third-party apps are accepted too. */
    OAUTH_ISSUER: envVar.url('http://localhost:4001/oidc'),
  },
  (e) => ({ jwksUrl: e.JWKS_URL, issuer: e.JWT_ISSUER, audience: e.JWT_AUDIENCE, oauthIssuer: e.OAUTH_ISSUER }) satisfies AuthVerifyConfig,
);

export const httpEnv = (defaultPort: number) => envModel({ PORT: port(defaultPort), HOST: envVar.text('0.0.0.0') }, (e) => ({ port: e.PORT, host: e.HOST }));

export const runtimeEnv = envModel({ NODE_ENV: envVar.oneOf(['development', 'production', 'test'], 'development') }, (e) => ({
  production: e.NODE_ENV === 'production',
  nodeEnv: e.NODE_ENV,
}));

/** REDIS_URL set → Redis pub/sub (replicas share live events); unset → in-process (all-in-one). */
export const pubsubEnv = envModel({ REDIS_URL: envVar.optionalUrl() }, (e) => (e.REDIS_URL ? ({ kind: 'redis', url: e.REDIS_URL } as const) : ({ kind: 'memory' } as const)));
export type PubSubConfig = EnvOutput<typeof pubsubEnv>;

/**
 * Domain events. AMQP_URL set → RabbitMQ (services mode: events reach other services); unset → the
 * in-process transport (all-in-one: every consumer lives in this process).
 */
export const eventsEnv = envModel(
  {
    AMQP_URL: envVar.optionalUrl(),
    AMQP_NAMESPACE: envVar.text('mosaic', { regex: /^[a-z][a-z0-9-]*$/, description: 'lower-case letters, digits and dashes' }),
    EVENTS_MAX_ATTEMPTS: envVar.integer(5, { min: 1, max: 20 }),
    EVENTS_RETRY_BASE_MS: envVar.integer(1_000, { min: 1 }),
    OUTBOX_POLL_MS: envVar.integer(1_000, { min: 10 }),
    OUTBOX_RETENTION_HOURS: envVar.positiveNumber(168),
  },
  (e) => ({
    transport: e.AMQP_URL ? ({ kind: 'rabbitmq', url: e.AMQP_URL, namespace: e.AMQP_NAMESPACE } as const) : ({ kind: 'in-process' } as const),
    maxAttempts: e.EVENTS_MAX_ATTEMPTS,
    retryBaseMs: e.EVENTS_RETRY_BASE_MS,
    pollMs: e.OUTBOX_POLL_MS,
    retentionMs: e.OUTBOX_RETENTION_HOURS * 3_600_000,
  }),
);

/**
 * GATEWAY_SHARED_SECRET: shared by the gateway and every subgraph; subgraphs then answer only the
 * gateway. Required in production (a subgraph must not be an open side door).
 */
export const trustEnv = envModel(
  { GATEWAY_SHARED_SECRET: envVar.optionalText(32, 'e.g. `openssl rand -base64 32`'), NODE_ENV: envVar.optionalText() },
  (e) => ({ gatewaySecret: e.GATEWAY_SHARED_SECRET }),
  (e) => (e.NODE_ENV === 'production' && !e.GATEWAY_SHARED_SECRET ? [{ path: ['GATEWAY_SHARED_SECRET'], message: 'must be set in production' }] : []),
);
export type TrustConfig = EnvOutput<typeof trustEnv>;

/** OTEL_EXPORTER_OTLP_ENDPOINT set → traces exported over OTLP/HTTP; unset → tracing off. */
export const tracingEnv = envModel({ OTEL_EXPORTER_OTLP_ENDPOINT: envVar.optionalUrl() }, (e) => ({ otlpEndpoint: e.OTEL_EXPORTER_OTLP_ENDPOINT }));

/** The variables every subgraph service reads (services mode); add your own models beside them. */
export const serviceEnv = (defaultPort: number) => ({
  runtime: runtimeEnv,
  http: httpEnv(defaultPort),
  database: databaseEnv,
  auth: authVerifyEnv,
  pubsub: pubsubEnv,
  events: eventsEnv,
  trust: trustEnv,
  tracing: tracingEnv,
});
