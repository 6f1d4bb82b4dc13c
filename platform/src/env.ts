import { z } from 'zod';
import { tokensEnv } from '@mosaic/accounts';
import { securityEnv } from '@mosaic/gateway';
import { databaseEnv, eventsEnv, httpEnv, memoEnv, pubsubEnv, runtimeEnv, tracingEnv } from '@mosaic/kit';

/** All-in-one reads the same variables the services read; see the README's configuration table. */
/** SUBGRAPH_PORTS=random lets several all-in-one graphs run on one machine (tests, demos). */
export const subgraphPortsEnv = z
  .object({ SUBGRAPH_PORTS: z.enum(['default', 'random']).default('default') })
  .transform((e) => e.SUBGRAPH_PORTS);

export const env = memoEnv({
  runtime: runtimeEnv,
  http: httpEnv(4000),
  database: databaseEnv,
  tokens: tokensEnv,
  pubsub: pubsubEnv,
  events: eventsEnv,
  subgraphPorts: subgraphPortsEnv,
  security: securityEnv,
  tracing: tracingEnv,
});
