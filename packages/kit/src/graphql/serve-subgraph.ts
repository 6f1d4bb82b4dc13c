import type { Logger } from '../logger';
import { sendJson } from '../http/graphql-handler';
import { createRoutedServer, listen, type RunningServer, type Routes } from '../http/http-server';
import type { Subgraph } from './subgraph';

export interface ServeOptions {
  port: number;
  host?: string;
  log: Logger;
  /** Extra routes (e.g. accounts' JWKS). */
  routes?: Routes;
  /** Readiness beyond "the process answers", e.g. a database ping. */
  ready?: () => Promise<boolean>;
}

/** Starts the subgraph's Apollo Server and serves it at `/graphql`, with `/healthz` and `/readyz`. */
export async function serveSubgraph(subgraph: Subgraph, options: ServeOptions): Promise<RunningServer> {
  await subgraph.start();
  const routes: Routes = {
    ...options.routes,
    '/graphql': subgraph.handleGraphQL,
    '/healthz': async (_req, res) => sendJson(res, 200, { status: 'ok' }),
    '/readyz': async (_req, res) => {
      const ready = options.ready ? await options.ready().catch(() => false) : true;
      sendJson(res, ready ? 200 : 503, { status: ready ? 'ready' : 'not ready' });
    },
  };
  const httpServer = createRoutedServer(routes, options.log);
  const subscriptions = subgraph.attachSubscriptions?.(httpServer, '/graphql');
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
