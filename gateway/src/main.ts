import { readFileSync } from 'node:fs';
import { createLogger, createRoutedServer, createTokenVerifier, listen } from '@mosaic/kit';
import { createGateway } from './build-gateway';
import { env, subgraphUrlOverrides } from './env';

const config = env();
const log = createLogger('gateway');
const gateway = createGateway({
  supergraphSdl: readFileSync(config.supergraph.path, 'utf8'),
  subgraphUrls: subgraphUrlOverrides(),
  verifier: createTokenVerifier(config.auth),
  log,
  production: config.runtime.production,
  subgraphTimeoutMs: config.supergraph.timeoutMs,
});
await gateway.start();
const running = await listen(createRoutedServer(gateway.routes, log), config.http.port, config.http.host);
log.info({ url: `${running.url}/graphql` }, 'gateway listening');
const shutdown = async () => {
  await running.close();
  await gateway.stop();
  process.exit(0);
};
process.once('SIGTERM', shutdown);
process.once('SIGINT', shutdown);
