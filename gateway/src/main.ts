import { readFileSync } from 'node:fs';
import { createLogger, createRoutedServer, createTokenVerifier, listen, setupTracing } from '@mosaic/kit';
import { createGateway } from './build-gateway';
import { securityOptions } from './http/security-options';
import { env, subgraphUrlOverrides } from './env';

const config = env();
const log = createLogger('gateway');
const tracing = await setupTracing({ serviceName: 'gateway', otlpEndpoint: config.tracing.otlpEndpoint });
const gateway = createGateway({
  supergraphSdl: readFileSync(config.supergraph.path, 'utf8'),
  subgraphUrls: subgraphUrlOverrides(),
  verifier: createTokenVerifier(config.auth),
  log,
  production: config.runtime.production,
  subgraphTimeoutMs: config.supergraph.timeoutMs,
  subscriptions: config.subscriptions,
  gatewaySecret: config.trust.gatewaySecret,
  ...(await securityOptions(config.security)),
});
await gateway.start();
const httpServer = createRoutedServer(gateway.routes, log);
gateway.attachSubscriptions(httpServer);
const running = await listen(httpServer, config.http.port, config.http.host);
const internal = await listen(createRoutedServer(gateway.internalRoutes, log), config.internal.port, config.http.host);
log.info({ url: `${running.url}/graphql`, internal: internal.url }, 'gateway listening');
const shutdown = async () => {
  await gateway.stop();
  await running.close();
  await internal.close();
  await tracing.shutdown();
  process.exit(0);
};
process.once('SIGTERM', shutdown);
process.once('SIGINT', shutdown);
