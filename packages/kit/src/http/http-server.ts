import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../logger';
import { sendJson, type RequestHandler } from './graphql-handler';

/** Exact paths, or a prefix ending in `/*` (e.g. `/oidc/*` serves `/oidc` and everything under it). */
export type Routes = Record<string, RequestHandler>;

function findRoute(routes: Routes, path: string): RequestHandler | undefined {
  const exact = routes[path];
  if (exact) return exact;
  for (const [pattern, handler] of Object.entries(routes)) {
    if (!pattern.endsWith('/*')) continue;
    const prefix = pattern.slice(0, -2);
    if (path === prefix || path.startsWith(`${prefix}/`)) return handler;
  }
  return undefined;
}

export interface RunningServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

/**
 * A plain node:http server routing by path (exact, or prefix for `/*` patterns). Unknown paths get 404; a handler that throws gets
 * a 500 without details (the error is logged).
 */
export function createRoutedServer(routes: Routes, log: Logger): Server {
  return createServer((req, res) => {
    const path = (req.url ?? '/').split('?', 1)[0]!;
    const handler = findRoute(routes, path);
    if (!handler) {
      sendJson(res, 404, { error: `No route for ${path}` });
      return;
    }
    handler(req, res).catch((error: unknown) => {
      log.error({ err: error, path }, 'request handler failed');
      if (!res.headersSent) sendJson(res, 500, { error: 'Internal server error' });
      else res.destroy();
    });
  });
}

export async function listen(server: Server, port: number, host = '0.0.0.0'): Promise<RunningServer> {
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  return {
    server,
    url: `http://${shownHost}:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
