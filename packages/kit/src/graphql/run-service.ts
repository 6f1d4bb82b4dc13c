import type { PubSubConfig } from '../env/models';
import { serviceEnv } from '../env/models';
import { InvalidEnvironmentError, parseEnv } from '../env/parse-env';
import { openEventBus } from '../events/event-bus';
import { createMemoryPubSub, type PubSub } from '../pubsub/pubsub';
import { createRedisPubSub } from '../pubsub/redis-pubsub';
import { openCacheStores } from '../cache/open-cache-stores';
import { createTokenKeySet } from '../auth/token-keys';
import { createTokenVerifier } from '../auth/token-verifier';
import { drizzleOver, openSqlClient, type SqlClient } from '../db/database';
import { applyMigrations } from '../db/migrate';
import { openAppSqlClient } from '../db/app-connection';
import type { RunningServer } from '../http/http-server';
import { createLogger, type Logger } from '../logger';
import { setupTracing } from '../observability/tracing';
import { serveSubgraph } from './serve-subgraph';
import type { SubgraphModule } from './subgraph-module';

export function openPubSub(config: PubSubConfig, log: Logger): Promise<PubSub> {
  return config.kind === 'redis' ? createRedisPubSub(config.url, log) : Promise.resolve(createMemoryPubSub());
}

/** Runs both parses so a misconfigured service reports every problem, shared and its own, at once. */
function configure(module: SubgraphModule, port: number, env: NodeJS.ProcessEnv) {
  const problems: string[] = [];
  const attempt = <T>(read: () => T): T | undefined => {
    try {
      return read();
    } catch (error) {
      if (!(error instanceof InvalidEnvironmentError)) throw error;
      problems.push(...error.problems);
      return undefined;
    }
  };
  const config = attempt(() => parseEnv(serviceEnv(port), env));
  const build = attempt(() => module.configure(env));
  if (!config || !build) throw new InvalidEnvironmentError(problems);
  return { config, build };
}

/**
 * Services mode: one subgraph in its own process — connect, migrate, build, listen — and stop
 * cleanly on SIGTERM/SIGINT (in-flight requests finish, then the pool closes). `port` is the
 * registry's; PORT overrides it.
 */
export async function runSubgraphService(module: SubgraphModule, port: number, env: NodeJS.ProcessEnv = process.env): Promise<RunningServer> {
  const { config, build } = configure(module, port, env);
  const log = createLogger(module.name);
  const tracing = await setupTracing({ serviceName: module.name, otlpEndpoint: config.tracing.otlpEndpoint });
  const client = await openSqlClient(config.database);
  await applyMigrations(client, module.migrations);
  const pubsub = await openPubSub(config.pubsub, log);
  const caches = await openCacheStores(config.pubsub, log);
  const bus = await openEventBus(config.events, log, module.name);
  if (bus.transport.kind === 'in-process') log.warn('AMQP_URL is not set: domain events reach only consumers in this process.');
  const events = bus.forSubgraph(module.name, client);
  // Tokens are verified against the issuer's published JWKS (fetched once, cached, refreshed on an
  // unknown kid) — or, in the issuer's own process, against the keys it publishes.
  const keys = createTokenKeySet(config.auth.jwksUrl);
  const verifier = createTokenVerifier(config.auth, keys.getKey);
  const requestClient = module.rowLevelSecurity && config.database.kind === 'postgres' ? await openAppSqlClient(client, config.database) : client;
  const built = await build({ db: drizzleOver(requestClient), verifier, log, pubsub, caches, events, now: () => new Date() });
  if (built.tokenKeys) keys.trust(built.tokenKeys);
  await events.start();
  const running = await serveSubgraph(built.subgraph, {
    port: config.http.port,
    host: config.http.host,
    log,
    routes: {
      ...built.routes,
      // Event metrics (outbox lag, consumed/failed/dead-lettered); internal, like /readyz.
      '/metrics': async (_req, res) => {
        res.setHeader('content-type', bus.metrics.registry.contentType);
        res.end(await bus.metrics.registry.metrics());
      },
    },
    ...(built.publicHttp ? { fallback: built.publicHttp } : {}),
    ready: () => ping(client),
    gatewaySecret: config.trust.gatewaySecret,
  });
  if (!config.trust.gatewaySecret) log.warn('GATEWAY_SHARED_SECRET is not set: this subgraph answers anyone who can reach it.');
  log.info({ url: `${running.url}/graphql` }, `${module.name} subgraph listening`);
  const shutdown = async () => {
    await running.close();
    await events.stop();
    await built.close?.();
    await bus.close();
    await pubsub.close();
    await caches.close();
    if (requestClient !== client) await requestClient.close();
    await client.close();
    await tracing.shutdown();
    process.exit(0);
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
  return running;
}

export async function ping(client: SqlClient): Promise<boolean> {
  if (client.kind === 'postgres') await client.sql`select 1`;
  else await client.pglite.query('select 1');
  return true;
}
