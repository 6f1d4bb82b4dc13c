import type { DatabaseConfig, PubSubConfig, TrustConfig } from '../env/models';
import { openEventBus, type EventsConfig } from '../events/event-bus';
import { createMemoryPubSub, type PubSub } from '../pubsub/pubsub';
import { createRedisPubSub } from '../pubsub/redis-pubsub';
import type { TokenVerifier } from '../auth/token-verifier';
import { drizzleOver, openSqlClient, type SqlClient } from '../db/database';
import { applyMigrations } from '../db/migrate';
import type { RunningServer } from '../http/http-server';
import type { Logger } from '../logger';
import { setupTracing } from '../observability/tracing';
import { serveSubgraph } from './serve-subgraph';
import type { SubgraphDeps, SubgraphModule } from './subgraph-module';

export interface ServiceOptions<D extends SubgraphDeps> {
  module: SubgraphModule<D>;
  config: {
    database: DatabaseConfig;
    pubsub: PubSubConfig;
    events: EventsConfig;
    http: { port: number; host: string };
    trust: TrustConfig;
    tracing: { otlpEndpoint?: string | undefined };
  };
  log: Logger;
  verifier: TokenVerifier;
  /** Subgraph-specific dependencies beyond db / verifier / log. */
  extra: Omit<D, keyof SubgraphDeps>;
}

export function openPubSub(config: PubSubConfig, log: Logger): Promise<PubSub> {
  return config.kind === 'redis' ? createRedisPubSub(config.url, log) : Promise.resolve(createMemoryPubSub());
}

/**
 * Services mode: one subgraph in its own process — connect, migrate, build, listen — and stop
 * cleanly on SIGTERM/SIGINT (in-flight requests finish, then the pool closes).
 */
export async function runSubgraphService<D extends SubgraphDeps>(options: ServiceOptions<D>): Promise<RunningServer> {
  const { module, log } = options;
  const tracing = await setupTracing({ serviceName: module.name, otlpEndpoint: options.config.tracing.otlpEndpoint });
  const client = await openSqlClient(options.config.database);
  await applyMigrations(client, module.migrations);
  const pubsub = await openPubSub(options.config.pubsub, log);
  const bus = await openEventBus(options.config.events, log, module.name);
  if (bus.transport.kind === 'in-process') log.warn('AMQP_URL is not set: domain events reach only consumers in this process.');
  const events = bus.forSubgraph(module.name, client);
  const deps = { ...options.extra, db: drizzleOver(client), verifier: options.verifier, log, pubsub, events } as D;
  const built = await module.build(deps);
  await events.start();
  const running = await serveSubgraph(built.subgraph, {
    port: options.config.http.port,
    host: options.config.http.host,
    log,
    routes: {
      ...built.routes,
      // Event metrics (outbox lag, consumed/failed/dead-lettered); internal, like /readyz.
      '/metrics': async (_req, res) => {
        res.setHeader('content-type', bus.metrics.registry.contentType);
        res.end(await bus.metrics.registry.metrics());
      },
    },
    ready: () => ping(client),
    gatewaySecret: options.config.trust.gatewaySecret,
  });
  if (!options.config.trust.gatewaySecret) log.warn('GATEWAY_SHARED_SECRET is not set: this subgraph answers anyone who can reach it.');
  log.info({ url: `${running.url}/graphql` }, `${module.name} subgraph listening`);
  const shutdown = async () => {
    await running.close();
    await events.stop();
    await built.close?.();
    await bus.close();
    await pubsub.close();
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
