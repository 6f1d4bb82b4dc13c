import { randomBytes } from 'node:crypto';
import { createLocalJWKSet } from 'jose';
import { createGateway, type Gateway, type GatewayOptions } from '@mosaic/gateway';
import {
  applyMigrations,
  createRoutedServer,
  createTokenVerifier,
  drizzleOver,
  listen,
  openEventBus,
  openPubSub,
  DEFAULT_EVENTS_CONFIG,
  openSqlClient,
  ping,
  serveSubgraph,
  type DatabaseConfig,
  type EventBus,
  type EventsConfig,
  type Logger,
  type PubSubConfig,
  type RunningServer,
  type SqlClient,
} from '@mosaic/kit';
import type { SigningKeys, TokensConfig } from '@mosaic/accounts';
import { readCommittedSupergraph } from './compose';
import { subgraphModules } from './registry';

export interface GraphOptions {
  database: DatabaseConfig;
  /** In-process by default; Redis when configured (several all-in-one replicas). */
  pubsub?: PubSubConfig;
  /** Domain events: in-process by default; RabbitMQ when configured. */
  events?: EventsConfig;
  log: Logger;
  keys: SigningKeys;
  tokens: Omit<TokensConfig, 'signingKeys' | 'devKeysDir'>;
  /** 0 picks a free port (tests). */
  gatewayPort: number;
  /** `default` uses each subgraph's services-mode port; `random` picks free ports (tests). */
  subgraphPorts: 'default' | 'random';
  host?: string;
  production?: boolean;
  /** Sees every SQL statement, tagged with the subgraph that issued it (statement-count tests). */
  onQuery?: (subgraph: string, query: string) => void;
  /** Signs gateway → subgraph requests; generated per process when not given. */
  gatewaySecret?: string;
  /** Operation limits, rate limits, trusted documents (gateway defaults when absent). */
  security?: Pick<GatewayOptions, 'limits' | 'rateLimits' | 'trustedDocuments'>;
  now?: () => Date;
}

export interface RunningGraph {
  gatewayUrl: string;
  gateway: Gateway;
  subgraphUrls: Record<string, string>;
  client: SqlClient;
  events: EventBus;
  /** Stops one subgraph (its port goes dark), e.g. to see partial results and recovery. */
  stopSubgraph(name: string): Promise<void>;
  /** Starts a stopped subgraph again, fresh, on the same port. */
  startSubgraph(name: string): Promise<void>;
  close(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}

interface ServedModule {
  server: RunningServer;
  close: () => Promise<void>;
}

/**
 * All-in-one: every subgraph and the gateway in this process, each subgraph still a separate Apollo
 * subgraph behind its own URL, sharing one database (a schema per subgraph).
 */
export async function startGraph(options: GraphOptions): Promise<RunningGraph> {
  const { log } = options;
  const host = options.host ?? '127.0.0.1';
  const client = await openSqlClient(options.database);
  const pubsub = await openPubSub(options.pubsub ?? { kind: 'memory' }, log);
  const events = await openEventBus(options.events ?? DEFAULT_EVENTS_CONFIG, log, 'mosaic-all-in-one');
  const served = new Map<string, ServedModule>();
  const stopModule = async (name: string) => {
    const entry = served.get(name);
    served.delete(name);
    await entry?.server.close();
    await entry?.close();
  };
  try {
    for (const module of subgraphModules) await applyMigrations(client, module.migrations);
    const verifier = createTokenVerifier(
      { jwksUrl: 'local:', issuer: options.tokens.issuer, audience: options.tokens.audience },
      createLocalJWKSet(options.keys.jwks),
    );
    // All-in-one: a fresh secret per process, so the subgraph ports are no side door either.
    const gatewaySecret = options.gatewaySecret ?? randomBytes(32).toString('base64url');
    const serveModule = async (module: (typeof subgraphModules)[number], port: number) => {
      const onQuery = options.onQuery;
      const moduleEvents = events.forSubgraph(module.name, client);
      const built = await module.build({
        db: drizzleOver(client, onQuery ? (query) => onQuery(module.name, query) : undefined),
        verifier,
        pubsub,
        events: moduleEvents,
        log: log.child({ subgraph: module.name }),
        keys: options.keys,
        tokenSettings: options.tokens,
        ...(options.now ? { now: options.now } : {}),
      });
      await moduleEvents.start();
      const server = await serveSubgraph(built.subgraph, {
        port,
        host,
        log,
        ...(built.routes ? { routes: built.routes } : {}),
        ready: () => ping(client),
        gatewaySecret,
      });
      served.set(module.name, {
        server,
        close: async () => {
          await moduleEvents.stop();
          await built.close?.();
        },
      });
      return server;
    };
    const subgraphUrls: Record<string, string> = {};
    for (const module of subgraphModules) {
      const server = await serveModule(module, options.subgraphPorts === 'default' ? module.defaultPort : 0);
      subgraphUrls[module.name] = `${server.url}/graphql`;
    }
    const gateway = createGateway({
      supergraphSdl: readCommittedSupergraph(),
      subgraphUrls,
      verifier,
      log: log.child({ component: 'gateway' }),
      production: options.production ?? false,
      gatewaySecret,
      ...options.security,
    });
    await gateway.start();
    events.metrics.registerInto(gateway.metrics.registry);
    const gatewayHttp = createRoutedServer(gateway.routes, log);
    gateway.attachSubscriptions(gatewayHttp);
    const gatewayServer = await listen(gatewayHttp, options.gatewayPort, host);
    const close = async () => {
      // Sockets first: an HTTP server does not finish closing while upgraded connections live.
      await gateway.stop();
      await gatewayServer.close();
      for (const name of [...served.keys()].reverse()) await stopModule(name);
      await events.close();
      await pubsub.close();
      await client.close();
    };
    return {
      gatewayUrl: `${gatewayServer.url}/graphql`,
      gateway,
      subgraphUrls,
      client,
      events,
      stopSubgraph: stopModule,
      async startSubgraph(name) {
        const module = subgraphModules.find((m) => m.name === name);
        if (!module || served.has(name)) throw new Error(`No stopped subgraph named ${name}.`);
        await serveModule(module, Number(new URL(subgraphUrls[name]!).port));
      },
      close,
      [Symbol.asyncDispose]: close,
    };
  } catch (error) {
    for (const name of [...served.keys()]) await stopModule(name).catch(() => {});
    await events.close().catch(() => {});
    await pubsub.close().catch(() => {});
    await client.close().catch(() => {});
    throw error;
  }
}
