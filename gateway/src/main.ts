import { readFileSync } from 'node:fs';
import { createLogger, createMemoryCacheStores, createRabbitMqTransport, createRedisCacheStores, createRoutedServer, createTokenVerifier, listen, PortUnavailableError, setupTracing, USAGE_NAMESPACE } from '@mosaic/kit';
import { createGateway } from './build-gateway';
import { publicPathProxy } from './http/public-path-proxy';
import { securityOptions } from './http/security-options';
import { env, subgraphUrlOverrides } from './env';

const config = env();
const log = createLogger('gateway');
const tracing = await setupTracing({ serviceName: 'gateway', otlpEndpoint: config.tracing.otlpEndpoint });
// Services mode: the events that drop cached entities come from the broker (none without AMQP_URL: entries then live out their maxAge).
const { transport } = config.events;
const events = transport.kind === 'rabbitmq' ? await createRabbitMqTransport({ url: transport.url, namespace: transport.namespace, connectionName: 'mosaic-gateway', log }) : undefined;
// One Redis connection (REDIS_URL) for the entity and response caches and for metering, which
// counts where tenancy reads them (tenancy's cache stores share it); else in this process.
const redisUrl = config.security.rateLimits.redisUrl;
const cacheStores = redisUrl ? await createRedisCacheStores(redisUrl, log) : createMemoryCacheStores();
const gateway = createGateway({
  supergraphSdl: readFileSync(config.supergraph.path, 'utf8'),
  subgraphUrls: subgraphUrlOverrides(),
  verifier: createTokenVerifier(config.auth),
  log,
  production: config.runtime.production,
  subgraphTimeoutMs: config.supergraph.timeoutMs,
  subscriptions: config.subscriptions,
  gatewaySecret: config.trust.gatewaySecret,
  demandControl: config.demandControl,
  progressiveOverride: config.progressiveOverride,
  caching: { ...config.caching, stores: cacheStores, events },
  apolloTelemetry: config.apolloTelemetry.enabled,
  ...(config.metering.enabled ? { metering: { counters: cacheStores.counters(USAGE_NAMESPACE), flushIntervalMs: config.metering.flushIntervalMs, planTtlMs: config.metering.planTtlMs } } : {}),
  ...(await securityOptions(config.security)),
});
await gateway.start();
const { upstreams } = config.publicPaths;
// Behind trusted proxies the chain the client came through is passed on; otherwise only the peer.
const publicPaths = upstreams.length > 0 ? publicPathProxy(upstreams, { trustProxy: config.security.trustedProxies !== false, timeoutMs: config.supergraph.timeoutMs }) : undefined;
const httpServer = createRoutedServer(gateway.routes, log, publicPaths);
const running = await listen(httpServer, config.http.port, config.http.host, { name: 'gateway', remedy: 'set PORT to a free port' }).catch(exitWithMessage);
// Attached once listening: a WebSocket server would report a failed listen as its own error.
gateway.attachSubscriptions(httpServer);
const internal = await listen(createRoutedServer(gateway.internalRoutes, log), config.internal.port, config.http.host, {
  name: 'gateway metrics and status',
  remedy: 'set INTERNAL_PORT to a free port',
}).catch(exitWithMessage);
log.info({ url: `${running.url}/graphql`, internal: internal.url }, 'gateway listening');
const shutdown = async () => {
  await gateway.stop();
  await events?.close();
  await cacheStores.close();
  await running.close();
  await internal.close();
  await tracing.shutdown();
  process.exit(0);
};
process.once('SIGTERM', shutdown);
process.once('SIGINT', shutdown);

/** A port that cannot be bound is a configuration problem: one line, no stack. */
function exitWithMessage(error: unknown): never {
  if (!(error instanceof PortUnavailableError)) throw error;
  console.error(error.message);
  process.exit(1);
}
