import { loadSigningKeys } from '@mosaic/accounts';
import { securityOptions } from '@mosaic/gateway';
import { createLogger, drizzleOver, setupTracing } from '@mosaic/kit';
import { env } from './env';
import { DEMO_ADMIN, DEMO_USER, seedDemoData } from './seed';
import { startGraph } from './start-graph';

/**
 * `pnpm start`: the whole graph in one process on embedded PostgreSQL (PGlite under .data/), with
 * demo data. Set DATABASE_URL to use a PostgreSQL server instead.
 */
const startedAt = performance.now();
const config = env();
const log = createLogger('mosaic', { level: process.env.LOG_LEVEL ?? 'warn' });
const tracing = await setupTracing({ serviceName: 'mosaic-all-in-one', otlpEndpoint: config.tracing.otlpEndpoint });
const keys = await loadSigningKeys({ ...config.tokens, production: config.runtime.production });
const graph = await startGraph({
  database: config.database,
  pubsub: config.pubsub,
  events: config.events,
  log,
  keys,
  tokens: config.tokens,
  gatewayPort: config.http.port,
  subgraphPorts: config.subgraphPorts,
  host: config.http.host,
  production: config.runtime.production,
  security: await securityOptions(config.security),
});
await seedDemoData(graph.gatewayUrl, drizzleOver(graph.client));
const readyMs = Math.round(performance.now() - startedAt);

console.log(`
  Mosaic is running (all-in-one, ${config.database.kind === 'pglite' ? `embedded PostgreSQL in ${config.database.dataDir}` : 'PostgreSQL server'}) — ready in ${readyMs} ms

  Gateway + Apollo Sandbox:  ${graph.gatewayUrl}
  Subgraphs:                 ${Object.entries(graph.subgraphUrls).map(([name, url]) => `${name} ${url}`).join('\n                             ')}

  Demo user:   ${DEMO_USER.email} / ${DEMO_USER.password}
  Demo admin:  ${DEMO_ADMIN.email} / ${DEMO_ADMIN.password}
`);

const shutdown = async () => {
  await graph.close();
  await tracing.shutdown();
  process.exit(0);
};
process.once('SIGTERM', shutdown);
process.once('SIGINT', shutdown);
