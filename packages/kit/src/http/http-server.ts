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

const notFound: RequestHandler = async (req, res) => sendJson(res, 404, { error: `No route for ${pathOf(req.url)}` });

/** The path of a request target, without its query string. */
export const pathOf = (url: string | undefined): string => (url ?? '/').split('?', 1)[0]!;

/** One handler for a set of routes (as `createRoutedServer` matches them), `fallback` for the rest. */
export function routesHandler(routes: Routes, fallback: RequestHandler = notFound): RequestHandler {
  return (req, res) => (findRoute(routes, pathOf(req.url)) ?? fallback)(req, res);
}

/**
 * A plain node:http server routing by path — exact, or by prefix for `/*` patterns; every other
 * path goes to `fallback` (404 when there is none), so a fallback can never shadow a route. A
 * handler that throws gets a 500 without details (the error is logged).
 */
export function createRoutedServer(routes: Routes, log: Logger, fallback: RequestHandler = notFound): Server {
  return createServer((req, res) => {
    const path = pathOf(req.url);
    const handler = findRoute(routes, path) ?? fallback;
    handler(req, res).catch((error: unknown) => {
      log.error({ err: error, path }, 'request handler failed');
      if (!res.headersSent) sendJson(res, 500, { error: 'Internal server error' });
      else res.destroy();
    });
  });
}

/** What listens, and what to change when its port is taken — for a one-line message an operator can act on. */
export interface ListenerLabel {
  /** e.g. "gateway", "notes subgraph". */
  name: string;
  /** e.g. "set PORT to a free port". */
  remedy: string;
}

/** A port that cannot be bound, said in one line that names the port and what to change. */
export class PortUnavailableError extends Error {
  constructor(
    readonly port: number,
    reason: string,
    label: ListenerLabel | undefined,
  ) {
    super(`Port ${port} ${reason}${label ? ` (${label.name}): ${label.remedy}` : '.'}`);
    this.name = 'PortUnavailableError';
  }
}

export async function listen(server: Server, port: number, host = '0.0.0.0', label?: ListenerLabel): Promise<RunningServer> {
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    const fail = (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') reject(new PortUnavailableError(port, 'is already in use', label));
      else if (error.code === 'EACCES') reject(new PortUnavailableError(port, 'may not be used by this user', label));
      else reject(error);
    };
    server.once('error', fail);
    server.listen(port, host, () => {
      server.off('error', fail);
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
