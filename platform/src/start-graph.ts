import { createLocalJWKSet } from 'jose';
import { createGateway } from '@mosaic/gateway';
import {
  applyMigrations,
  createRoutedServer,
  createTokenVerifier,
  drizzleOver,
  listen,
  openPubSub,
  openSqlClient,
  ping,
  serveSubgraph,
  type DatabaseConfig,
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
  now?: () => Date;
}

export interface RunningGraph {
  gatewayUrl: string;
  subgraphUrls: Record<string, string>;
  client: SqlClient;
  close(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
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
  const servers: RunningServer[] = [];
  const closers: (() => Promise<void>)[] = [];
  try {
    for (const module of subgraphModules) await applyMigrations(client, module.migrations);
    const verifier = createTokenVerifier(
      { jwksUrl: 'local:', issuer: options.tokens.issuer, audience: options.tokens.audience },
      createLocalJWKSet(options.keys.jwks),
    );
    const subgraphUrls: Record<string, string> = {};
    for (const module of subgraphModules) {
      const onQuery = options.onQuery;
      const built = await module.build({
        db: drizzleOver(client, onQuery ? (query) => onQuery(module.name, query) : undefined),
        verifier,
        pubsub,
        log: log.child({ subgraph: module.name }),
        keys: options.keys,
        tokenSettings: options.tokens,
        ...(options.now ? { now: options.now } : {}),
      });
      const running = await serveSubgraph(built.subgraph, {
        port: options.subgraphPorts === 'default' ? module.defaultPort : 0,
        host,
        log,
        ...(built.routes ? { routes: built.routes } : {}),
        ready: () => ping(client),
      });
      servers.push(running);
      if (built.close) closers.push(built.close);
      subgraphUrls[module.name] = `${running.url}/graphql`;
    }
    const gateway = createGateway({
      supergraphSdl: readCommittedSupergraph(),
      subgraphUrls,
      verifier,
      log: log.child({ component: 'gateway' }),
      production: options.production ?? false,
    });
    await gateway.start();
    const gatewayHttp = createRoutedServer(gateway.routes, log);
    gateway.attachSubscriptions(gatewayHttp);
    const gatewayServer = await listen(gatewayHttp, options.gatewayPort, host);
    const close = async () => {
      // Sockets first: an HTTP server does not finish closing while upgraded connections live.
      await gateway.stop();
      await gatewayServer.close();
      for (const server of servers.reverse()) await server.close();
      for (const closeModule of closers) await closeModule();
      await pubsub.close();
      await client.close();
    };
    return { gatewayUrl: `${gatewayServer.url}/graphql`, subgraphUrls, client, close, [Symbol.asyncDispose]: close };
  } catch (error) {
    for (const server of servers) await server.close().catch(() => {});
    await pubsub.close().catch(() => {});
    await client.close().catch(() => {});
    throw error;
  }
}
