import { securityOptions } from '@mosaic/gateway';
import { createLogger, drizzleOver, InvalidEnvironmentError, PortUnavailableError, setupTracing } from '@mosaic/kit';
import { env } from './env';
import { sandboxDocument } from './sandbox-document';
import { DEMO_ADMIN, DEMO_USER, seedDemoData } from './seed';
import { startGraph } from './start-graph';

/**
 * `pnpm start`: the whole graph in one process on embedded PostgreSQL (PGlite under .data/), with
 * demo data. Set DATABASE_URL to use a PostgreSQL server instead.
 */
/** Configuration problems (a port taken, a bad variable) are said in a line or two, without a stack. */
function exitOnStartupError(error: unknown): never {
  if (!(error instanceof PortUnavailableError || error instanceof InvalidEnvironmentError)) throw error;
  console.error(error.message);
  process.exit(1);
}

const startedAt = performance.now();
let config: ReturnType<typeof env>;
try {
  config = env();
} catch (error) {
  exitOnStartupError(error);
}
const log = createLogger('mosaic', { level: process.env.LOG_LEVEL ?? 'warn' });
const tracing = await setupTracing({ serviceName: 'mosaic-all-in-one', otlpEndpoint: config.tracing.otlpEndpoint });
const graph = await startGraph({
  database: config.database,
  pubsub: config.pubsub,
  events: config.events,
  log,
  auth: config.auth,
  gatewayPort: config.http.port,
  internalPort: config.internal.port,
  subgraphPorts: config.subgraphPorts,
  host: config.http.host,
  production: config.runtime.production,
  security: await securityOptions(config.security),
  caching: config.caching,
  metering: config.metering,
  sandboxDocument,
  // The sign-in page's "Sign in as demo user" (the seeded account; never in production).
  webApp: config.runtime.production ? {} : { demoAccount: { email: DEMO_USER.email, password: DEMO_USER.password } },
}).catch(exitOnStartupError);
await seedDemoData(graph, drizzleOver(graph.client), log);
const readyMs = Math.round(performance.now() - startedAt);

console.log(`
  Mosaic is running (all-in-one, ${config.database.kind === 'pglite' ? `embedded PostgreSQL in ${config.database.dataDir}` : 'PostgreSQL server'}) — ready in ${readyMs} ms

  Web app:                   ${graph.webAppUrl}
  Gateway + Apollo Sandbox:  ${graph.gatewayUrl}${config.runtime.production ? '' : `\n  GraphiQL (offline):        ${graph.gatewayUrl.replace(/\/graphql$/, '/graphiql')}`}
  Metrics and status:        ${graph.internalUrl}/metrics, ${graph.internalUrl}/status
  Subgraphs:                 ${Object.entries(graph.subgraphUrls).map(([name, url]) => `${name} ${url}`).join('\n                             ')}

  Demo user:   ${DEMO_USER.email} / ${DEMO_USER.password}
  Demo admin:  ${DEMO_ADMIN.email} / ${DEMO_ADMIN.password}

  OAuth 2.0 / OpenID Connect:  ${config.auth.oauthIssuer}/.well-known/openid-configuration (demo app: see README)
`);

const shutdown = async () => {
  await graph.close();
  await tracing.shutdown();
  process.exit(0);
};
process.once('SIGTERM', shutdown);
process.once('SIGINT', shutdown);
