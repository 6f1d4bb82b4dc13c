import type { IncomingMessage } from 'node:http';
import { GATEWAY_TOKEN_HEADER, verifyGatewayRequest } from '../auth/gateway-trust';
import type { Logger } from '../logger';
import { sendJson, type RequestHandler } from '../http/graphql-handler';
import { BodyTooLargeError, readBody } from '../http/read-body';
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
   * secret for this subgraph, this method, path and body (see gateway-trust.ts); health endpoints
   * stay open for probes.
   */
  gatewaySecret?: string | undefined;
  /** Largest request body, bytes (1 MiB). */
  maxBodyBytes?: number;
  /** What to tell an operator whose port is taken (see `listen`). */
  portRemedy?: string;
}

/** Starts the subgraph's Apollo Server and serves it at `/graphql`, with `/healthz` and `/readyz`. */
export async function serveSubgraph(subgraph: Subgraph, options: ServeOptions): Promise<RunningServer> {
  await subgraph.start();
  const secret = options.gatewaySecret;
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  const signedByGateway = (req: IncomingMessage, body: string) =>
    !secret || verifyGatewayRequest(secret, subgraph.name, headerValue(req.headers[GATEWAY_TOKEN_HEADER]), { method: req.method ?? 'GET', path: req.url ?? '/', body });
  const routes: Routes = {
    ...options.routes,
    '/graphql': async (req, res) => {
      let body = '';
      try {
        if (secret && req.method === 'POST') body = await readBody(req, maxBodyBytes);
      } catch (error) {
        if (!(error instanceof BodyTooLargeError)) throw error;
        return sendJson(res, 413, { errors: [{ message: error.message, extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
      }
      if (signedByGateway(req, body)) return subgraph.handleGraphQL(req, res);
      sendJson(res, 403, { errors: [{ message: 'This subgraph answers only requests that come through the Mosaic gateway.', extensions: { code: 'FORBIDDEN' } }] });
    },
    '/healthz': async (_req, res) => sendJson(res, 200, { status: 'ok' }),
    '/readyz': async (_req, res) => {
      const ready = options.ready ? await options.ready().catch(() => false) : true;
      sendJson(res, ready ? 200 : 503, { status: ready ? 'ready' : 'not ready' });
    },
  };
  const httpServer = createRoutedServer(routes, options.log, options.fallback);
  const running = await listen(httpServer, options.port, options.host, { name: `${subgraph.name} subgraph`, remedy: options.portRemedy ?? 'set PORT to a free port' });
  // Attached once listening: a WebSocket server would report a failed listen as its own error.
  const subscriptions = subgraph.attachSubscriptions?.(httpServer, '/graphql', { acceptUpgrade: (req) => signedByGateway(req, ''), gatewaySecret: secret });
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
