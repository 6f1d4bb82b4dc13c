import type { IncomingMessage } from 'node:http';
import { GATEWAY_TOKEN_HEADER, verifyGatewayToken } from '../auth/gateway-trust';
import type { Logger } from '../logger';
import { sendJson, type RequestHandler } from '../http/graphql-handler';
import { createRoutedServer, listen, type RunningServer, type Routes } from '../http/http-server';
import type { Subgraph } from './subgraph';

export interface ServeOptions {
  port: number;
  host?: string;
  log: Logger;
  /** Extra routes (e.g. accounts' JWKS). */
  routes?: Routes;
  /** Every other path (a subgraph's public paths, `BuiltSubgraph.publicHttp`); 404 when absent. */
  fallback?: RequestHandler;
  /** Readiness beyond "the process answers", e.g. a database ping. */
  ready?: () => Promise<boolean>;
  /**
   * When set, /graphql (HTTP and WebSocket) answers only requests signed by the gateway with this
   * secret (see gateway-trust.ts); health endpoints stay open for probes.
   */
  gatewaySecret?: string | undefined;
}

/** Starts the subgraph's Apollo Server and serves it at `/graphql`, with `/healthz` and `/readyz`. */
export async function serveSubgraph(subgraph: Subgraph, options: ServeOptions): Promise<RunningServer> {
  await subgraph.start();
  const secret = options.gatewaySecret;
  const fromGateway = (req: IncomingMessage) => !secret || verifyGatewayToken(secret, headerValue(req.headers[GATEWAY_TOKEN_HEADER]));
  const routes: Routes = {
    ...options.routes,
    '/graphql': async (req, res) => {
      if (fromGateway(req)) return subgraph.handleGraphQL(req, res);
      sendJson(res, 403, { errors: [{ message: 'This subgraph answers only requests that come through the Mosaic gateway.', extensions: { code: 'FORBIDDEN' } }] });
    },
    '/healthz': async (_req, res) => sendJson(res, 200, { status: 'ok' }),
    '/readyz': async (_req, res) => {
      const ready = options.ready ? await options.ready().catch(() => false) : true;
      sendJson(res, ready ? 200 : 503, { status: ready ? 'ready' : 'not ready' });
    },
  };
  const httpServer = createRoutedServer(routes, options.log, options.fallback);
  const subscriptions = subgraph.attachSubscriptions?.(httpServer, '/graphql', fromGateway);
  const running = await listen(httpServer, options.port, options.host);
  return {
    ...running,
    close: async () => {
      await subscriptions?.close();
      await running.close();
      await subgraph.stop();
    },
  };
}

const headerValue = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
