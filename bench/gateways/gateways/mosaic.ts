import { createGateway } from '@mosaic/gateway';
import { createLogger, createRoutedServer, createTokenVerifier, listen } from '@mosaic/kit';
import type { GatewayStarter } from './running-gateway';

/**
 * Mosaic's gateway as shipped, wired like `gateway/src/main.ts`: `createGateway` (public options
 * only) on `createRoutedServer` + `listen`, and the verifier main.ts makes: its key set is fetched
 * when a token first needs it, and benchmark requests carry no Authorization header (anonymous
 * viewer), so the unreachable JWKS address is never asked. One setting differs from the
 * defaults: the per-IP / per-user rate limits are off (`0`, documented as "off"): all load comes
 * from one loopback client, which the shipped 1200/min per-IP limit would answer with 429s. The
 * peers have no rate limit either.
 */
export const startMosaic: GatewayStarter = async (supergraphSdl) => {
  const log = createLogger('gateway');
  const gateway = createGateway({
    supergraphSdl,
    verifier: createTokenVerifier({ jwksUrl: 'http://127.0.0.1:9/.well-known/jwks.json', issuer: 'mosaic-accounts', audience: 'mosaic' }),
    log,
    production: process.env.NODE_ENV === 'production',
    rateLimits: { perIp: 0, perUser: 0 },
    // As gateway/src/main.ts reads them (ENTITY_CACHE, RESPONSE_CACHE, SHARE_INFLIGHT_QUERIES, on by default); the entity-cache benchmark sets them.
    caching: { entities: process.env.ENTITY_CACHE !== 'off', responses: process.env.RESPONSE_CACHE !== 'off', inflightQueries: process.env.SHARE_INFLIGHT_QUERIES !== 'off' },
  });
  await gateway.start();
  const httpServer = createRoutedServer(gateway.routes, log);
  gateway.attachSubscriptions(httpServer);
  const running = await listen(httpServer, 0, '127.0.0.1');
  return {
    url: `${running.url}/graphql`,
    async close() {
      await gateway.stop();
      await running.close();
    },
  };
};
