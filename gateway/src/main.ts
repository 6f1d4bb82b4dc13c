import { readFileSync } from 'node:fs';
import { createLogger, createRoutedServer, createTokenVerifier, listen, setupTracing } from '@mosaic/kit';
import { createGateway } from './build-gateway';
import { publicPathProxy } from './http/public-path-proxy';
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
const { upstreams } = config.publicPaths;
const publicPaths = upstreams.length > 0 ? publicPathProxy(upstreams, { trustProxy: config.security.rateLimits.trustProxy, timeoutMs: config.supergraph.timeoutMs }) : undefined;
const httpServer = createRoutedServer(gateway.routes, log, publicPaths);
gateway.attachSubscriptions(httpServer);
const running = await listen(httpServer, config.http.port, config.http.host);
log.info({ url: `${running.url}/graphql` }, 'gateway listening');
const shutdown = async () => {
  await gateway.stop();
  await running.close();
  await tracing.shutdown();
  process.exit(0);
};
process.once('SIGTERM', shutdown);
process.once('SIGINT', shutdown);
