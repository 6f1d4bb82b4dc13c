import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageLocalDefault, ApolloServerPluginLandingPageProductionDefault } from '@apollo/server/plugin/landingPage/default';
import {
  asHttpError,
  createErrorFormatter,
  graphqlHandler,
  sendJson,
  type Logger,
  type Routes,
  type TokenVerifier,
} from '@mosaic/kit';
import type { GatewayContext } from './context';
import { exampleOperation } from './example-operation';
import { SubgraphDataSource } from './subgraph-data-source';
import { subgraphEndpoints, supergraphForGateway, type SubgraphEndpoint } from './supergraph';

export interface GatewayOptions {
  supergraphSdl: string;
  /** Routing URL per subgraph name, overriding the supergraph's. */
  subgraphUrls?: Record<string, string>;
  verifier: TokenVerifier;
  log: Logger;
  production: boolean;
  subgraphTimeoutMs?: number;
}

export interface Gateway {
  routes: Routes;
  endpoints: SubgraphEndpoint[];
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function createGateway(options: GatewayOptions): Gateway {
  const { log, verifier } = options;
  const timeoutMs = options.subgraphTimeoutMs ?? 10_000;
  const endpoints = subgraphEndpoints(options.supergraphSdl).map((endpoint) => ({
    ...endpoint,
    url: options.subgraphUrls?.[endpoint.name] ?? endpoint.url,
  }));
  const urlOf = new Map(endpoints.map((e) => [e.name, e.url]));
  const gateway = new ApolloGateway({
    supergraphSdl: supergraphForGateway(options.supergraphSdl),
    logger: log,
    buildService: ({ name, url }) =>
      new SubgraphDataSource({
        url: urlOf.get(name) ?? url,
        fetcher: (input, init) => fetch(input, { ...init, signal: AbortSignal.timeout(timeoutMs) }),
      }),
  });
  const server = new ApolloServer<GatewayContext>({
    gateway,
    formatError: createErrorFormatter(log),
    includeStacktraceInErrorResponses: false,
    introspection: !options.production,
    logger: log,
    plugins: [
      options.production
        ? ApolloServerPluginLandingPageProductionDefault({ footer: false })
        : ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false, document: exampleOperation }),
    ],
  });

  const handleGraphQL = graphqlHandler<GatewayContext>({
    server,
    context: async (req, requestId) => {
      const authorization = req.headers.authorization;
      const viewer = await verifier.viewerFromHeader(authorization).catch(asHttpError(401));
      return { requestId, viewer, authorization };
    },
  });

  return {
    endpoints,
    routes: {
      '/graphql': handleGraphQL,
      '/': async (_req, res) => {
        res.writeHead(302, { location: '/graphql' });
        res.end();
      },
      '/healthz': async (_req, res) => sendJson(res, 200, { status: 'ok' }),
      '/readyz': async (_req, res) => {
        const checks = await Promise.all(endpoints.map(async (e) => ({ name: e.name, ready: await reachable(e.url) })));
        const ready = checks.every((c) => c.ready);
        sendJson(res, ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', subgraphs: checks });
      },
    },
    start: () => server.start(),
    stop: () => server.stop(),
  };
}

/** A subgraph is reachable when it answers `{ __typename }` within two seconds. */
async function reachable(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query":"{ __typename }"}',
      signal: AbortSignal.timeout(2_000),
    });
    return response.ok;
  } catch {
    return false;
  }
}
