import { z } from 'zod';

const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);
const optionalUrl = z.string().url().optional().or(z.literal('').transform(() => undefined));

/**
 * DATABASE_URL set → a PostgreSQL server through postgres.js (services mode).
 * Unset → embedded PostgreSQL (PGlite) in PGLITE_DIR, the all-in-one default.
 */
export const databaseEnv = z
  .object({
    DATABASE_URL: optionalUrl,
    DATABASE_POOL_MAX: z.coerce.number().int().positive().default(10),
    PGLITE_DIR: z.string().default('.data/pglite'),
    /** The non-owner role requests of row-level-security subgraphs connect as (DATABASE_URL's user owns the tables and migrates). */
    DATABASE_APP_USER: z.string().regex(/^[a-z_][a-z0-9_]*$/, 'a PostgreSQL role name').default('mosaic_app'),
    DATABASE_APP_PASSWORD: z.string().optional(),
  })
  .transform(
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

export const authVerifyEnv = z
  .object({
    JWKS_URL: z.string().url().default('http://localhost:4001/.well-known/jwks.json'),
    JWT_ISSUER: z.string().default('mosaic-accounts'),
    JWT_AUDIENCE: z.string().default('mosaic'),
    /** accounts' OAuth 2.0 / OpenID Connect issuer: tokens it gives third-party apps are accepted too. */
    OAUTH_ISSUER: z.string().url().default('http://localhost:4001/oidc'),
  })
  .transform((e) => ({ jwksUrl: e.JWKS_URL, issuer: e.JWT_ISSUER, audience: e.JWT_AUDIENCE, oauthIssuer: e.OAUTH_ISSUER }) satisfies AuthVerifyConfig);

export const httpEnv = (defaultPort: number) =>
  z
    .object({ PORT: port(defaultPort), HOST: z.string().default('0.0.0.0') })
    .transform((e) => ({ port: e.PORT, host: e.HOST }));

export const runtimeEnv = z
  .object({ NODE_ENV: z.enum(['development', 'production', 'test']).default('development') })
  .transform((e) => ({ production: e.NODE_ENV === 'production', nodeEnv: e.NODE_ENV }));

/** REDIS_URL set → Redis pub/sub (replicas share live events); unset → in-process (all-in-one). */
export const pubsubEnv = z
  .object({ REDIS_URL: optionalUrl })
  .transform((e) => (e.REDIS_URL ? ({ kind: 'redis', url: e.REDIS_URL } as const) : ({ kind: 'memory' } as const)));
export type PubSubConfig = z.output<typeof pubsubEnv>;

/**
 * Domain events. AMQP_URL set → RabbitMQ (services mode: events reach other services); unset → the
 * in-process transport (all-in-one: every consumer lives in this process).
 */
export const eventsEnv = z
  .object({
    AMQP_URL: optionalUrl,
    AMQP_NAMESPACE: z.string().regex(/^[a-z][a-z0-9-]*$/, 'lower-case letters, digits and dashes').default('mosaic'),
    EVENTS_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(5),
    EVENTS_RETRY_BASE_MS: z.coerce.number().int().min(1).default(1_000),
    OUTBOX_POLL_MS: z.coerce.number().int().min(10).default(1_000),
    OUTBOX_RETENTION_HOURS: z.coerce.number().positive().default(168),
  })
  .transform((e) => ({
    transport: e.AMQP_URL ? ({ kind: 'rabbitmq', url: e.AMQP_URL, namespace: e.AMQP_NAMESPACE } as const) : ({ kind: 'in-process' } as const),
    maxAttempts: e.EVENTS_MAX_ATTEMPTS,
    retryBaseMs: e.EVENTS_RETRY_BASE_MS,
    pollMs: e.OUTBOX_POLL_MS,
    retentionMs: e.OUTBOX_RETENTION_HOURS * 3_600_000,
  }));

/**
 * GATEWAY_SHARED_SECRET: shared by the gateway and every subgraph; subgraphs then answer only the
 * gateway. Required in production (a subgraph must not be an open side door).
 */
export const trustEnv = z
  .object({
    GATEWAY_SHARED_SECRET: z.string().min(32, 'must be at least 32 characters (e.g. `openssl rand -base64 32`)').optional().or(z.literal('').transform(() => undefined)),
    NODE_ENV: z.string().optional(),
  })
  .refine((e) => e.NODE_ENV !== 'production' || e.GATEWAY_SHARED_SECRET, { message: 'GATEWAY_SHARED_SECRET must be set in production', path: ['GATEWAY_SHARED_SECRET'] })
  .transform((e) => ({ gatewaySecret: e.GATEWAY_SHARED_SECRET }));
export type TrustConfig = z.output<typeof trustEnv>;

/** OTEL_EXPORTER_OTLP_ENDPOINT set → traces exported over OTLP/HTTP; unset → tracing off. */
export const tracingEnv = z
  .object({ OTEL_EXPORTER_OTLP_ENDPOINT: optionalUrl })
  .transform((e) => ({ otlpEndpoint: e.OTEL_EXPORTER_OTLP_ENDPOINT }));

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
