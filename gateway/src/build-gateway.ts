import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { ApolloGateway, type ServiceMap } from '@apollo/gateway';
import { print } from 'graphql';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault, ApolloServerPluginLandingPageProductionDefault } from '@apollo/server/plugin/landingPage/default';
import {
  asHttpError,
  createErrorFormatter,
  contextFromHeaders,
  gatewayRequestSigner,
  inSpan,
  graphqlHandler,
  sendJson,
  type Logger,
  type RequestHandler,
  type Routes,
  type TokenVerifier,
} from '@mosaic/kit';
import type { GatewayContext } from './context';
import { defaultSandboxDocument } from './example-operation';
import { SpanKind } from '@opentelemetry/api';
import { createGatewayMetrics, type GatewayMetrics } from './observability/metrics';
import { createGatewayCaches, type CachingOptions } from './cache/gateway-caches';
import { subgraphHealth } from './observability/subgraph-health';
import { installFederationFastPaths } from './fetch/federation-fast-paths';
import { armorFor, DEFAULT_OPERATION_LIMITS, type OperationLimits } from './http/operation-limits';
import { createMemoryRateLimiter } from './http/rate-limiter';
import type { TrustedProxies } from './http/client-address';
import { createRequestGuard, type RateLimits } from './http/request-guard';
import { loadTrustedDocuments, type TrustedDocuments } from './http/trusted-documents';
import { webAppRoutes, type WebAppOptions } from './http/web-app';
import { SubgraphDataSource } from './subgraph-data-source';
import { reportValueCompletionErrors } from './value-completion';
import { authorizeAtEdge } from './authorization/authorize-at-edge';
import { shareInflightQueries, stringifySharedResult } from './execution/shared-operations';
import { incrementalDeliveryPlugin } from './http/incremental-delivery';
import { withDeferDirective } from './execution/defer-schema';
import { correctedPlanning } from './planning/corrected-planning';
import { progressiveOverride, type ProgressiveOverrideOptions } from './planning/progressive-override';
import { DEFAULT_DEMAND_CONTROL, demandControlPlugin, type DemandControlOptions } from './demand-control/demand-control';
import type { DeliveryLimits } from './subscriptions/subscriber';
import { SubscriptionService } from './subscriptions/subscription-service';
import { buildSupergraphModel } from './subscriptions/supergraph-model';
import { attachGatewaySubscriptions, type GatewaySocketOptions, type SubscriptionLimits } from './subscriptions/ws-server';
import { createHttpSubscriptions, streamProtocolOf } from './subscriptions/http-subscriptions';
import { assertRunnableSupergraph, subgraphEndpoints, supergraphForGateway, type SubgraphEndpoint } from './supergraph';
import { meteringFor, meteringPlugin, type MeteringConfig } from './metering';
import { constructWithApolloTelemetry } from './apollo-telemetry';

export interface GatewayOptions {
  supergraphSdl: string;
  subscriptions?: Partial<SubscriptionLimits & DeliveryLimits & { upstreamRetryAttempts: number; readmitIntervalMs: number }>;
  /** Routing URL per subgraph name, overriding the supergraph's. */
  subgraphUrls?: Record<string, string>;
  verifier: TokenVerifier;
  log: Logger;
  production: boolean;
  subgraphTimeoutMs?: number;
  /** Shared with the subgraphs: every subgraph request is signed with it (see kit's gateway-trust.ts). */
  gatewaySecret?: string | undefined;
  limits?: Partial<OperationLimits>;
  /** Defaults: in-process counters, 1200/min per IP, 600/min per user. */
  rateLimits?: Partial<RateLimits>;
  /** Proxies whose X-Forwarded-For entries are believed (see client-address.ts); none by default. */
  trustedProxies?: TrustedProxies;
  /** Defaults to off. */
  trustedDocuments?: TrustedDocuments;
  /** The operation Apollo Sandbox opens with (development only). */
  sandboxDocument?: string;
  /** Progressive `@override(label:)`: labels always on, and the random source of `percent(n)` rolls. */
  progressiveOverride?: ProgressiveOverrideOptions;
  /** Demand control by the IBM cost spec; defaults: measure only (see demand-control.ts). */
  demandControl?: Partial<DemandControlOptions>;
  /** The web app at /app/ and GraphiQL at /graphiql (see http/web-app.ts). */
  webApp?: Omit<WebAppOptions, 'production'>;
  /** Entity and response caches (README "Caching"); defaults: both on, in-process, no invalidating events. */
  caching?: CachingOptions;
  /** API calls per organisation per month against its plan (metering/); absent: not metered. */
  metering?: MeteringConfig;
  /** Apollo's anonymous host data collection (apollo-telemetry.ts); default off. */
  apolloTelemetry?: boolean;
}

export interface Gateway {
  /** What clients reach: `/graphql` (and graphql-ws), the landing page, `/healthz`, `/readyz`. */
  routes: Routes;
  /** For operators only, on a port the ingress does not expose: `/metrics`, `/status`, `/healthz`, `/readyz`. */
  internalRoutes: Routes;
  endpoints: SubgraphEndpoint[];
  subscriptions: SubscriptionService;
  metrics: GatewayMetrics;
  /** graphql-ws on the HTTP server's `/graphql` path. */
  attachSubscriptions(server: Server): void;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export const DEFAULT_SUBSCRIPTION_LIMITS: SubscriptionLimits & DeliveryLimits = {
  maxSubscriptionsPerConnection: 100,
  maxPayloadBytes: 64 * 1024,
  connectionInitTimeoutMs: 10_000,
  allowedOrigins: [],
  maxConnectionsPerAddress: 100,
  maxBufferedBytes: 1024 * 1024,
};

export function createGateway(options: GatewayOptions): Gateway {
  assertRunnableSupergraph(options.supergraphSdl);
  installFederationFastPaths();
  const { log, verifier } = options;
  const timeoutMs = options.subgraphTimeoutMs ?? 10_000;
  const endpoints = subgraphEndpoints(options.supergraphSdl).map((endpoint) => ({
    ...endpoint,
    url: options.subgraphUrls?.[endpoint.name] ?? endpoint.url,
  }));
  const urlOf = new Map(endpoints.map((e) => [e.name, e.url]));
  const signerFor = options.gatewaySecret ? gatewayRequestSigner(options.gatewaySecret) : undefined;
  const metrics = createGatewayMetrics();
  const caches = createGatewayCaches(options.supergraphSdl, options.caching ?? {}, metrics, log);
  // One data source per subgraph, shared by queries and by subscription events.
  const sources = endpoints.map((e) => new SubgraphDataSource(e.name, e.url, { timeoutMs, sign: signerFor?.(e.name), observe: metrics.observeSubgraph, entityCache: caches.entities }));
  const dataSources: ServiceMap = Object.fromEntries(sources.map((source) => [source.serviceName, source]));
  // Outermost first: value-completion errors see the final result; authorization at the edge prunes the
  // document; progressive override picks the labels and the plan-store key right before planning;
  // the planner plans with a corrected supergraph and its plans are corrected (planning/corrected-planning.ts).
  const planning = correctedPlanning(supergraphForGateway(options.supergraphSdl), log);
  const authorizedGateway = reportValueCompletionErrors(
    authorizeAtEdge(
      progressiveOverride(
        planning.install(
          withDeferDirective(
            constructWithApolloTelemetry(
              options.apolloTelemetry ?? false,
              () =>
                new ApolloGateway({
                  supergraphSdl: planning.input.supergraphSdl,
                  logger: log,
                  // @defer is planned (DeferNodes) and delivered by Mosaic's executor (execution/deferred-delivery.ts).
                  queryPlannerConfig: { incrementalDelivery: { enableDefer: true } },
                  buildService: ({ name }) => dataSources[name] as SubgraphDataSource,
                }),
            ),
          ),
        ),
        options.supergraphSdl,
        options.progressiveOverride,
      ),
      options.supergraphSdl,
    ),
  );
  // Outermost of all: a shared execution's result is the whole answer, denied fields and value-completion errors included.
  const gateway = options.caching?.inflightQueries === false ? authorizedGateway : shareInflightQueries(authorizedGateway, { onShared: metrics.observeSharedOperation });
  const limits = { ...DEFAULT_SUBSCRIPTION_LIMITS, ...options.subscriptions };
  const operationLimits = { ...DEFAULT_OPERATION_LIMITS, ...options.limits };
  const armor = armorFor(operationLimits, options.production);
  const demandControl = demandControlPlugin(options.supergraphSdl, { ...DEFAULT_DEMAND_CONTROL, ...options.demandControl }, metrics);
  const meter = meteringFor(options.metering, { urlOf: (name) => urlOf.get(name), signerFor, timeoutMs, log, registry: metrics.registry });
  const trustedDocuments = options.trustedDocuments ?? loadTrustedDocuments('off', '');
  const rateLimits: RateLimits = { limiter: createMemoryRateLimiter(), perIp: 1200, perUser: 600, ...options.rateLimits };
  const guard = createRequestGuard({ rateLimits, trustedDocuments, trustedProxies: options.trustedProxies ?? false, verifier });
  const model = buildSupergraphModel(options.supergraphSdl, planning.input);
  // In development the gateway's own errors (planning, a value the API schema cannot represent)
  // are shown as they are; in production they are masked like any unexpected error.
  const formatError = createErrorFormatter(log, { revealUnexpected: !options.production });
  const subscriptions = new SubscriptionService({
    model,
    dataSources,
    subgraphUrl: (name) => urlOf.get(name)!,
    formatError,
    log: log.child({ component: 'subscriptions' }),
    delivery: limits,
    gatewaySecret: options.gatewaySecret,
    signerFor,
    ...(options.subscriptions?.upstreamRetryAttempts !== undefined ? { upstreamRetryAttempts: options.subscriptions.upstreamRetryAttempts } : {}),
    ...(options.subscriptions?.readmitIntervalMs !== undefined ? { readmitIntervalMs: options.subscriptions.readmitIntervalMs } : {}),
  });
  metrics.watchSubscriptions(subscriptions);
  const health = subgraphHealth(sources);
  metrics.watchSubgraphs(health);
  // Readiness is the gateway's own: started and not shutting down. A subgraph being down is
  // partial data (UNAVAILABLE errors), not a reason to take every gateway pod out of service.
  const lifecycle = { started: false, stopping: false };
  const readiness: RequestHandler = async (_req, res) => {
    const ready = lifecycle.started && !lifecycle.stopping;
    sendJson(res, ready ? 200 : 503, { status: ready ? 'ready' : lifecycle.stopping ? 'stopping' : 'starting' });
  };
  const liveness: RequestHandler = async (_req, res) => sendJson(res, 200, { status: 'ok' });
  let socketServer: { close(): Promise<void> } | undefined;
  const server = new ApolloServer<GatewayContext>({
    gateway,
    formatError,
    includeStacktraceInErrorResponses: false,
    stringifyResult: stringifySharedResult,
    allowBatchedHttpRequests: false,
    // Automatic persisted queries would let any client register any document: off in strict mode.
    ...(trustedDocuments.mode === 'strict' ? { persistedQueries: false as const } : {}),
    introspection: !options.production,
    logger: log,
    validationRules: armor.validationRules,
    parseOptions: armor.parseOptions,
    plugins: [
      ...armor.plugins,
      metrics.plugin,
      demandControl,
      incrementalDeliveryPlugin(formatError),
      ...(caches.plugin ? [caches.plugin] : []),
      ...(meter ? [meteringPlugin(meter)] : []),
      options.production
        ? ApolloServerPluginLandingPageProductionDefault({ footer: false })
        : ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false, document: options.sandboxDocument ?? defaultSandboxDocument }),
      // Inline traces (ftv1) are what a subgraph sends; Apollo Server would still load the plugin and
      // its protobuf types (~0.7 MiB of heap) to find out that this schema is not one.
      ApolloServerPluginInlineTraceDisabled(),
    ],
  });

  const executeOperation: GatewaySocketOptions['executeOperation'] = async ({ document, variables, operationName, viewer, authorization }) => {
    const response = await server.executeOperation(
      { query: print(document), ...(variables ? { variables } : {}), ...(operationName ? { operationName } : {}) },
      { contextValue: { requestId: randomUUID(), viewer, authorization } },
    );
    if (response.body.kind === 'single') return response.body.singleResult;
    // @defer: the primary payload, then each later one, as successive `next` messages.
    const { initialResult, subsequentResults } = response.body;
    return (async function* () {
      yield initialResult;
      yield* subsequentResults;
    })();
  };
  const subscriptionRules = { schema: model.apiGraphQLSchema, validationRules: armor.validationRules, maxTokens: operationLimits.maxTokens };
  // SSE and Apollo's multipart subscriptions on /graphql, after the same guard as any request.
  const httpSubscriptions = createHttpSubscriptions({ service: subscriptions, ...subscriptionRules, verifier, guard, limits, log, executeOperation });
  const handleGraphQL = graphqlHandler<GatewayContext>({
    server,
    maxBodyBytes: operationLimits.maxBodyBytes,
    // The gateway runs no SQL of its own: nothing reads a request scope here.
    requestScope: false,
    before: async (req, params, res) => {
      const admitted = await guard.before(req, params, res);
      const protocol = streamProtocolOf(req);
      if ('handled' in admitted || !protocol) return admitted;
      return (await httpSubscriptions.handle(req, res, admitted.params, protocol)) ? { handled: true } : admitted;
    },
    context: async (req, requestId) => {
      const authorization = req.headers.authorization;
      const viewer = guard.rememberedViewer(req) ?? (await verifier.viewerFromHeader(authorization).catch(asHttpError(401)));
      const userAgent = req.headers['user-agent'];
      // Debugging only: production ignores the header, so nobody can make the gateway skip its caches.
      const cacheBypass = !options.production && req.headers['x-mosaic-cache'] === 'bypass';
      return { requestId, viewer, authorization, cacheBypass, client: { ip: guard.addressOf(req), userAgent: userAgent ? userAgent.slice(0, 512) : null } };
    },
  });

  return {
    endpoints,
    subscriptions,
    metrics,
    attachSubscriptions(httpServer) {
      socketServer = attachGatewaySubscriptions(httpServer, '/graphql', {
        service: subscriptions,
        ...subscriptionRules,
        verifier,
        guard,
        limits,
        log,
        executeOperation,
      });
    },
    routes: {
      '/graphql': (req, res) => inSpan('gateway.http', { 'http.route': '/graphql' }, () => handleGraphQL(req, res), contextFromHeaders(req.headers), SpanKind.SERVER),
      // The web app; the API and its Sandbox stay at /graphql.
      '/': async (_req, res) => {
        res.writeHead(302, { location: '/app/' });
        res.end();
      },
      ...webAppRoutes({ ...options.webApp, production: options.production }),
      '/healthz': liveness,
      '/readyz': readiness,
    },
    internalRoutes: {
      '/metrics': metrics.route,
      '/status': async (_req, res) => {
        const subgraphs = await health();
        sendJson(res, 200, { ready: lifecycle.started && !lifecycle.stopping, subgraphs, subscriptions: subscriptions.stats() });
      },
      '/healthz': liveness,
      '/readyz': readiness,
    },
    async start() {
      await caches.start();
      await server.start();
      lifecycle.started = true;
    },
    async stop() {
      lifecycle.stopping = true;
      await subscriptions.close();
      await socketServer?.close();
      await server.stop();
      await rateLimits.limiter.close();
      demandControl.close();
      await caches.close();
      await meter?.close();
      for (const source of sources) source.close();
    },
  };
}
