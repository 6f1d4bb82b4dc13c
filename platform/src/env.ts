import { cachingEnv, internalEnv, meteringEnv, securityEnv } from '@mosaic/gateway';
import { authVerifyEnv, databaseEnv, envModel, envVar, eventsEnv, httpEnv, memoEnv, pubsubEnv, runtimeEnv, tracingEnv } from '@mosaic/kit';
import { GATEWAY_PORT } from './registry';

/** SUBGRAPH_PORTS=random lets several all-in-one graphs run on one machine (tests, demos). */
export const subgraphPortsEnv = envModel({ SUBGRAPH_PORTS: envVar.oneOf(['default', 'random'], 'default') }, (e) => e.SUBGRAPH_PORTS);

/**
 * All-in-one reads the variables the gateway and services read (see the README's configuration
 * table); each subgraph reads its own settings itself.
 */
export const env = memoEnv({
  runtime: runtimeEnv,
  http: httpEnv(GATEWAY_PORT),
  internal: internalEnv,
  database: databaseEnv,
  auth: authVerifyEnv,
  pubsub: pubsubEnv,
  events: eventsEnv,
  subgraphPorts: subgraphPortsEnv,
  security: securityEnv,
  caching: cachingEnv,
  metering: meteringEnv,
  tracing: tracingEnv,
});
