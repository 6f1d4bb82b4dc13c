import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { ApolloGateway, type ServiceMap } from '@apollo/gateway';
import { print } from 'graphql';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageLocalDefault, ApolloServerPluginLandingPageProductionDefault } from '@apollo/server/plugin/landingPage/default';
import {
  asHttpError,
  createErrorFormatter,
  contextFromHeaders,
  GATEWAY_TOKEN_HEADER,
  gatewayTokenSigner,
  inSpan,
  graphqlHandler,
  sendJson,
  type Logger,
  type Routes,
  type TokenVerifier,
} from '@mosaic/kit';
import type { GatewayContext } from './context';
import { defaultSandboxDocument } from './example-operation';
import { SpanKind } from '@opentelemetry/api';
import { createGatewayMetrics, type GatewayMetrics } from './observability/metrics';
import { installFederationFastPaths } from './fetch/federation-fast-paths';
import { armorFor, DEFAULT_OPERATION_LIMITS, type OperationLimits } from './http/operation-limits';
import { createMemoryRateLimiter } from './http/rate-limiter';
import { clientIp, createRequestGuard, type RateLimits } from './http/request-guard';
import { loadTrustedDocuments, type TrustedDocuments } from './http/trusted-documents';
import { SubgraphDataSource } from './subgraph-data-source';
import type { DeliveryLimits } from './subscriptions/subscriber';
import { SubscriptionService } from './subscriptions/subscription-service';
import { buildSupergraphModel } from './subscriptions/supergraph-model';
import { attachGatewaySubscriptions, type SubscriptionLimits } from './subscriptions/ws-server';
import { subgraphEndpoints, supergraphForGateway, type SubgraphEndpoint } from './supergraph';

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
  /** Defaults to off. */
  trustedDocuments?: TrustedDocuments;
  /** The operation Apollo Sandbox opens with (development only). */
  sandboxDocument?: string;
}

export interface Gateway {
  routes: Routes;
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
  maxBufferedBytes: 1024 * 1024,
};

export function createGateway(options: GatewayOptions): Gateway {
  installFederationFastPaths();
  const { log, verifier } = options;
  const timeoutMs = options.subgraphTimeoutMs ?? 10_000;
  const endpoints = subgraphEndpoints(options.supergraphSdl).map((endpoint) => ({
    ...endpoint,
    url: options.subgraphUrls?.[endpoint.name] ?? endpoint.url,
  }));
  const urlOf = new Map(endpoints.map((e) => [e.name, e.url]));
  const gatewayToken = options.gatewaySecret ? gatewayTokenSigner(options.gatewaySecret) : undefined;
  const metrics = createGatewayMetrics();
  // One data source per subgraph, shared by queries and by subscription events.
  const sources = endpoints.map((e) => new SubgraphDataSource(e.name, e.url, { timeoutMs, gatewayToken, observe: metrics.observeSubgraph }));
  const dataSources: ServiceMap = Object.fromEntries(sources.map((source) => [source.serviceName, source]));
  const gateway = new ApolloGateway({
    supergraphSdl: supergraphForGateway(options.supergraphSdl),
    logger: log,
    buildService: ({ name }) => dataSources[name] as SubgraphDataSource,
  });
  const limits = { ...DEFAULT_SUBSCRIPTION_LIMITS, ...options.subscriptions };
  const operationLimits = { ...DEFAULT_OPERATION_LIMITS, ...options.limits };
  const armor = armorFor(operationLimits, options.production);
  const trustedDocuments = options.trustedDocuments ?? loadTrustedDocuments('off', '');
  const rateLimits: RateLimits = { limiter: createMemoryRateLimiter(), perIp: 1200, perUser: 600, trustProxy: false, ...options.rateLimits };
  const guard = createRequestGuard({ rateLimits, trustedDocuments, verifier });
  const model = buildSupergraphModel(options.supergraphSdl);
  const formatError = createErrorFormatter(log);
  const subscriptions = new SubscriptionService({
    model,
    dataSources,
    subgraphUrl: (name) => urlOf.get(name)!,
    formatError,
    log: log.child({ component: 'subscriptions' }),
    delivery: limits,
    gatewayToken,
    ...(options.subscriptions?.upstreamRetryAttempts !== undefined ? { upstreamRetryAttempts: options.subscriptions.upstreamRetryAttempts } : {}),
    ...(options.subscriptions?.readmitIntervalMs !== undefined ? { readmitIntervalMs: options.subscriptions.readmitIntervalMs } : {}),
  });
  metrics.watchSubscriptions(subscriptions);
  let socketServer: { close(): Promise<void> } | undefined;
  const server = new ApolloServer<GatewayContext>({
    gateway,
    formatError,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    // Automatic persisted queries would let any client register any document: off in strict mode.
    ...(trustedDocuments.mode === 'strict' ? { persistedQueries: false as const } : {}),
    introspection: !options.production,
    logger: log,
    validationRules: armor.validationRules,
    plugins: [
      ...armor.plugins,
      metrics.plugin,
      options.production
        ? ApolloServerPluginLandingPageProductionDefault({ footer: false })
        : ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false, document: options.sandboxDocument ?? defaultSandboxDocument }),
    ],
  });

  const handleGraphQL = graphqlHandler<GatewayContext>({
    server,
    maxBodyBytes: operationLimits.maxBodyBytes,
    before: guard.before,
    context: async (req, requestId) => {
      const authorization = req.headers.authorization;
      const viewer = guard.rememberedViewer(req) ?? (await verifier.viewerFromHeader(authorization).catch(asHttpError(401)));
      const userAgent = req.headers['user-agent'];
      return { requestId, viewer, authorization, client: { ip: clientIp(req, rateLimits.trustProxy), userAgent: userAgent ? userAgent.slice(0, 512) : null } };
    },
  });

  return {
    endpoints,
    subscriptions,
    metrics,
    attachSubscriptions(httpServer) {
      socketServer = attachGatewaySubscriptions(httpServer, '/graphql', {
        service: subscriptions,
        schema: model.apiGraphQLSchema,
        validationRules: armor.validationRules,
        maxTokens: operationLimits.maxTokens,
        verifier,
        limits,
        log,
        async executeOperation({ document, variables, operationName, viewer, authorization }) {
          const response = await server.executeOperation(
            { query: print(document), ...(variables ? { variables } : {}), ...(operationName ? { operationName } : {}) },
            { contextValue: { requestId: randomUUID(), viewer, authorization } },
          );
          return response.body.kind === 'single' ? response.body.singleResult : { errors: [{ message: 'Incremental delivery is not supported over WebSocket.' }] };
        },
      });
    },
    routes: {
      '/graphql': (req, res) => inSpan('gateway.http', { 'http.route': '/graphql' }, () => handleGraphQL(req, res), contextFromHeaders(req.headers), SpanKind.SERVER),
      '/': async (_req, res) => {
        res.writeHead(302, { location: '/graphql' });
        res.end();
      },
      '/healthz': async (_req, res) => sendJson(res, 200, { status: 'ok' }),
      '/metrics': metrics.route,
      '/readyz': async (_req, res) => {
        const checks = await Promise.all(endpoints.map(async (e) => ({ name: e.name, ready: await reachable(e.url, gatewayToken) })));
        const ready = checks.every((c) => c.ready);
        sendJson(res, ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', subgraphs: checks });
      },
    },
    start: () => server.start(),
    async stop() {
      await subscriptions.close();
      await socketServer?.close();
      await server.stop();
      await rateLimits.limiter.close();
      for (const source of sources) source.close();
    },
  };
}

/** A subgraph is reachable when it answers `{ __typename }` within two seconds. */
async function reachable(url: string, gatewayToken: (() => string) | undefined): Promise<boolean> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(gatewayToken ? { [GATEWAY_TOKEN_HEADER]: gatewayToken() } : {}) },
      body: '{"query":"{ __typename }"}',
      signal: AbortSignal.timeout(2_000),
    });
    return response.ok;
  } catch {
    return false;
  }
}
