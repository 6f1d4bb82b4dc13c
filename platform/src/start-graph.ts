import { randomBytes } from 'node:crypto';
import { createGateway, type Gateway, type GatewayOptions, type MeteringConfig } from '@mosaic/gateway';
import {
  applyMigrations,
  createRoutedServer,
  createTokenKeySet,
  createTokenVerifier,
  drizzleOver,
  InvalidEnvironmentError,
  listen,
  matchPublicPath,
  openCacheStores,
  openPubSub,
  pathOf,
  sendJson,
  openEventBus,
  DEFAULT_EVENTS_CONFIG,
  openSqlClient,
  openAppSqlClient,
  USAGE_NAMESPACE,
  ping,
  serveSubgraph,
  type AuthVerifyConfig,
  type BuiltSubgraph,
  type CacheStores,
  type DatabaseConfig,
  type EventBus,
  type EventsConfig,
  type Logger,
  type PubSub,
  type PubSubConfig,
  type RequestHandler,
  type RunningServer,
  type SqlClient,
  type SubgraphDeps,
  type SubgraphModule,
} from '@mosaic/kit';
import { readCommittedSupergraph } from './compose';
import { publicPathsOf } from './generate/public-paths';
import { loadSubgraphs } from './registry';

export interface GraphOptions {
  database: DatabaseConfig;
  /** In-process by default; Redis when configured (several all-in-one replicas). */
  pubsub?: PubSubConfig;
  /** Wraps the pub/sub the subgraphs get (tests count its listeners, to act once a stream is open). */
  observePubSub?: (pubsub: PubSub) => PubSub;
  /** Domain events: in-process by default; RabbitMQ when configured. */
  events?: EventsConfig;
  log: Logger;
  /** Where the subgraphs read their own settings from; `process.env` by default. */
  env?: NodeJS.ProcessEnv;
  /** The issuer and audience access tokens must carry. */
  auth: Omit<AuthVerifyConfig, 'jwksUrl'>;
  /** 0 picks a free port (tests). */
  gatewayPort: number;
  /** The gateway's `/metrics` and `/status`; 0 picks a free port (the default). */
  internalPort?: number;
  /** `default` uses each subgraph's registry port; `random` picks free ports (tests). */
  subgraphPorts: 'default' | 'random';
  /** Fixed ports for some subgraphs under `random`, when their settings name their own URL (accounts' OAUTH_ISSUER). */
  ports?: Readonly<Record<string, number>>;
  host?: string;
  production?: boolean;
  /** Sees every SQL statement, tagged with the subgraph that issued it (statement-count tests). */
  onQuery?: (subgraph: string, query: string) => void;
  /** Signs gateway → subgraph requests; generated per process when not given. */
  gatewaySecret?: string;
  /** Operation limits, rate limits, trusted documents (gateway defaults when absent). */
  security?: Pick<GatewayOptions, 'limits' | 'rateLimits' | 'trustedDocuments' | 'trustedProxies'>;
  /** What Apollo Sandbox opens with (all-in-one: a sign-in as the demo user). */
  sandboxDocument?: string;
  /** Where the built web app is, and the demo account its sign-in page offers (development). */
  webApp?: GatewayOptions['webApp'];
  now?: () => Date;
  /** The gateway's entity and response caches (on by default; their invalidating events come from this graph's bus). */
  caching?: Omit<NonNullable<GatewayOptions['caching']>, 'events' | 'stores'>;
  /** API metering (gateway/src/metering): on by default, counting in the graph's cache stores, where tenancy reads usage. */
  metering?: Omit<MeteringConfig, 'counters'> & { enabled?: boolean };
  /** The cache stores (and usage counters) of every subgraph and the gateway; opened from `pubsub` when not given (tests pass Redis ones). */
  caches?: CacheStores;
}

export interface RunningGraph {
  gatewayUrl: string;
  /** The web app (`/app/` on the gateway's origin). */
  webAppUrl: string;
  /** Where `/metrics` and `/status` are served (not exposed to clients). */
  internalUrl: string;
  gateway: Gateway;
  subgraphUrls: Record<string, string>;
  /** The subgraphs, in registry order. */
  modules: readonly SubgraphModule[];
  client: SqlClient;
  /** What the gateway signs subgraph requests with (seeding calls subgraphs with it). */
  gatewaySecret: string;
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
  publicHttp?: RequestHandler;
}

type Builder = (deps: SubgraphDeps) => Promise<BuiltSubgraph>;

/** Reads every subgraph's settings before anything starts, reporting all problems at once. */
function configureAll(modules: readonly SubgraphModule[], env: NodeJS.ProcessEnv): Map<string, Builder> {
  const builders = new Map<string, Builder>();
  const problems: string[] = [];
  for (const module of modules) {
    try {
      builders.set(module.name, module.configure(env));
    } catch (error) {
      if (!(error instanceof InvalidEnvironmentError)) throw error;
      problems.push(...error.problems);
    }
  }
  if (problems.length > 0) throw new InvalidEnvironmentError(problems);
  return builders;
}

/**
 * All-in-one: every subgraph and the gateway in this process, each subgraph still a separate Apollo
 * subgraph behind its own URL, sharing one database (a schema per subgraph).
 */
export async function startGraph(options: GraphOptions): Promise<RunningGraph> {
  const { log } = options;
  const host = options.host ?? '127.0.0.1';
  const registered = await loadSubgraphs();
  const modules = registered.map((entry) => entry.module);
  const builders = configureAll(modules, options.env ?? process.env);
  const client = await openSqlClient(options.database);
  const opened = await openPubSub(options.pubsub ?? { kind: 'memory' }, log);
  const pubsub = options.observePubSub ? options.observePubSub(opened) : opened;
  const caches = options.caches ?? (await openCacheStores(options.pubsub ?? { kind: 'memory' }, log));
  const events = await openEventBus(options.events ?? DEFAULT_EVENTS_CONFIG, log, 'mosaic-all-in-one');
  const served = new Map<string, ServedModule>();
  let appClient: SqlClient | undefined;
  const publicPaths = publicPathsOf(registered);
  const stopModule = async (name: string) => {
    const entry = served.get(name);
    served.delete(name);
    await entry?.server.close();
    await entry?.close();
  };
  try {
    for (const module of modules) await applyMigrations(client, module.migrations);
    // Row-level-security subgraphs' requests run as the non-owner app role (on PGlite: the same connection; see openAppSqlClient).
    appClient = modules.some((module) => module.rowLevelSecurity) ? await openAppSqlClient(client, options.database.kind === 'postgres' ? options.database : {}) : undefined;
    // Tokens are verified with the keys the issuing subgraph publishes in this process.
    const tokenKeys = createTokenKeySet();
    const verifier = createTokenVerifier(options.auth, tokenKeys.getKey);
    // All-in-one: a fresh secret per process, so the subgraph ports are no side door either.
    const gatewaySecret = options.gatewaySecret ?? randomBytes(32).toString('base64url');
    const now = options.now ?? (() => new Date());
    /** With `deferredEvents`, the module's events start later, with everyone's (see below). */
    const serveModule = async (module: SubgraphModule, port: number, deferredEvents?: { start(): Promise<void> }[]) => {
      const onQuery = options.onQuery;
      const moduleEvents = events.forSubgraph(module.name, client);
      const built = await builders.get(module.name)!({
        db: drizzleOver(module.rowLevelSecurity && appClient ? appClient : client, onQuery ? (query) => onQuery(module.name, query) : undefined),
        verifier,
        pubsub,
        caches,
        events: moduleEvents,
        log: log.child({ subgraph: module.name }),
        now,
      });
      if (built.tokenKeys) tokenKeys.trust(built.tokenKeys);
      if (module.deployment.publicPaths?.length && !built.publicHttp) throw new Error(`${module.name} declares public paths but its build returns no publicHttp.`);
      if (deferredEvents) deferredEvents.push(moduleEvents);
      else await moduleEvents.start();
      const server = await serveSubgraph(built.subgraph, {
        port,
        host,
        log,
        ...(built.routes ? { routes: built.routes } : {}),
        ...(built.publicHttp ? { fallback: built.publicHttp } : {}),
        ready: () => ping(client),
        gatewaySecret,
        portRemedy: 'set SUBGRAPH_PORTS=random to put the subgraphs on free ports',
      });
      served.set(module.name, {
        server,
        close: async () => {
          await moduleEvents.stop();
          await built.close?.();
        },
        ...(built.publicHttp ? { publicHttp: built.publicHttp } : {}),
      });
      return server;
    };
    const subgraphUrls: Record<string, string> = {};
    // In process, an event published before its consumer group subscribed reaches nobody: every
    // group is declared before any relay publishes (e.g. accounts' backfilled account.registered).
    const deferredEvents: { start(): Promise<void> }[] = [];
    for (const { module, port } of registered) {
      const server = await serveModule(module, options.subgraphPorts === 'default' ? port : (options.ports?.[module.name] ?? 0), deferredEvents);
      subgraphUrls[module.name] = `${server.url}/graphql`;
    }
    for (const moduleEvents of deferredEvents) await moduleEvents.start();
    const gateway = createGateway({
      supergraphSdl: readCommittedSupergraph(),
      subgraphUrls,
      verifier,
      log: log.child({ component: 'gateway' }),
      production: options.production ?? false,
      gatewaySecret,
      ...options.security,
      ...(options.sandboxDocument ? { sandboxDocument: options.sandboxDocument } : {}),
      ...(options.webApp ? { webApp: options.webApp } : {}),
      // Entries shared in Redis when pub/sub is (several all-in-one replicas), on the cache stores' one
      // connection (metering's too); dropped by this graph's events.
      caching: { ...options.caching, events: events.transport, ...(options.pubsub?.kind === 'redis' ? { stores: caches } : {}) },
      ...(options.metering?.enabled === false ? {} : { metering: { ...options.metering, counters: caches.counters(USAGE_NAMESPACE) } }),
    });
    await gateway.start();
    events.metrics.registerInto(gateway.metrics.registry);
    // Subgraphs' public paths (e.g. short links) on the gateway's port, in process; the gateway's own routes win.
    const servePublicPath: RequestHandler = (req, res) => {
      const owner = matchPublicPath(publicPaths, pathOf(req.url));
      const handler = owner === undefined ? undefined : served.get(owner)?.publicHttp;
      if (handler) return handler(req, res);
      sendJson(res, owner === undefined ? 404 : 503, { error: owner === undefined ? `No route for ${pathOf(req.url)}` : `${owner} is not running.` });
      return Promise.resolve();
    };
    const gatewayHttp = createRoutedServer(gateway.routes, log, servePublicPath);
    const gatewayServer = await listen(gatewayHttp, options.gatewayPort, host, { name: 'gateway', remedy: 'set PORT to a free port' });
    // Attached once listening: a WebSocket server would report a failed listen as its own error.
    gateway.attachSubscriptions(gatewayHttp);
    const internalServer = await listen(createRoutedServer(gateway.internalRoutes, log), options.internalPort ?? 0, host, {
      name: 'gateway metrics and status',
      remedy: 'set INTERNAL_PORT to a free port',
    });
    const close = async () => {
      // Sockets first: an HTTP server does not finish closing while upgraded connections live.
      await gateway.stop();
      await gatewayServer.close();
      await internalServer.close();
      for (const name of [...served.keys()].reverse()) await stopModule(name);
      await events.close();
      await pubsub.close();
      if (!options.caches) await caches.close();
      await appClient?.close();
      await client.close();
    };
    return {
      gatewayUrl: `${gatewayServer.url}/graphql`,
      webAppUrl: `${gatewayServer.url}/app/`,
      internalUrl: internalServer.url,
      gateway,
      subgraphUrls,
      modules,
      client,
      gatewaySecret,
      events,
      stopSubgraph: stopModule,
      async startSubgraph(name) {
        const module = modules.find((m) => m.name === name);
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
    if (!options.caches) await caches.close().catch(() => {});
    await appClient?.close().catch(() => {});
    await client.close().catch(() => {});
    throw error;
  }
}
