import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../logger';
import { sendJson, type RequestHandler } from './graphql-handler';

export type Routes = Record<string, RequestHandler>;

export interface RunningServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

const notFound: RequestHandler = async (req, res) => sendJson(res, 404, { error: `No route for ${pathOf(req.url)}` });

/** The path of a request target, without its query string. */
export const pathOf = (url: string | undefined): string => (url ?? '/').split('?', 1)[0]!;

/**
 * A plain node:http server routing by exact path; every other path goes to `fallback` (404 when
 * there is none) — exact routes always win, so a fallback can never shadow them. A handler that
 * throws gets a 500 without details (the error is logged).
 */
export function createRoutedServer(routes: Routes, log: Logger, fallback: RequestHandler = notFound): Server {
  return createServer((req, res) => {
    const path = pathOf(req.url);
    const handler = Object.hasOwn(routes, path) ? routes[path]! : fallback;
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
