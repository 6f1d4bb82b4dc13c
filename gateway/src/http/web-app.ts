import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ServerResponse } from 'node:http';
import { pathOf, sendJson, type RequestHandler, type Routes } from '@mosaic/kit';

/**
 * The web app (web/, built by Vite into web/dist) on the gateway's origin:
 * - `/app/…`: the app; its assets under `/app/assets/` (content-hashed, cached for a year), every
 *   other path the app's index.html (client-side routes). Under `/app` so that no client route can
 *   collide with a short link (`/<code>`, links owns the rest of the root; `app` is a reserved code).
 * - `/graphiql`: GraphiQL, bundled, for development (404 in production, like the Sandbox).
 * - `/app/demo.json`: the demo account for the sign-in page's one-click button, only when given
 *   (all-in-one in development).
 */
export interface WebAppOptions {
  /** Default: web/dist in this checkout. */
  distDir?: string;
  production: boolean;
  demoAccount?: { email: string; password: string } | undefined;
}

export const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../../web/dist', import.meta.url));

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

/** The app talks only to its own origin (HTTP and WebSocket); nothing is loaded from elsewhere. */
const APP_CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";
/** GraphiQL's editor (Monaco) runs workers and inline styles. */
const GRAPHIQL_CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; font-src 'self' data:; worker-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

export function webAppRoutes(options: WebAppOptions): Routes {
  const dist = options.distDir ?? DEFAULT_WEB_DIST;
  const assets = join(dist, 'assets');
  const notBuilt = (res: ServerResponse) => {
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
    res.end('The web app is not built: run `pnpm --filter @mosaic/web build` (`pnpm start` builds it), or use `pnpm dev:web` for hot reload.\n');
  };
  const page = (file: string, csp: string): RequestHandler => async (_req, res) => {
    const path = join(dist, file);
    if (!existsSync(path)) return notBuilt(res);
    sendFile(res, path, { 'cache-control': 'no-cache', 'content-security-policy': csp, 'x-content-type-options': 'nosniff', 'referrer-policy': 'same-origin' });
  };
  const appPage = page('index.html', APP_CSP);
  const app: RequestHandler = async (req, res) => {
    const path = pathOf(req.url);
    if (path === '/app') {
      res.writeHead(308, { location: '/app/' });
      res.end();
      return;
    }
    if (path === '/app/demo.json') {
      if (!options.demoAccount) return sendJson(res, 404, { error: 'No demo account here.' });
      return sendJson(res, 200, options.demoAccount, { 'cache-control': 'no-store' });
    }
    if (path.startsWith('/app/assets/')) {
      const file = insideOf(assets, decodeURIComponent(path.slice('/app/assets/'.length)));
      if (!file || !existsSync(file) || !statSync(file).isFile()) return sendJson(res, 404, { error: `No asset at ${path}` });
      return sendFile(res, file, { 'cache-control': 'public, max-age=31536000, immutable', 'x-content-type-options': 'nosniff' });
    }
    return appPage(req, res);
  };
  const graphiqlPage = page('graphiql.html', GRAPHIQL_CSP);
  return {
    '/app/*': app,
    '/graphiql': async (req, res) => (options.production ? sendJson(res, 404, { error: 'GraphiQL is for development; introspection is off in production.' }) : graphiqlPage(req, res)),
  };
}

/** `relative` resolved inside `root`, or null when it would leave it. */
function insideOf(root: string, relative: string): string | null {
  const resolved = normalize(join(root, relative));
  return resolved.startsWith(root + sep) ? resolved : null;
}

function sendFile(res: ServerResponse, path: string, headers: Record<string, string>) {
  res.writeHead(200, { ...headers, 'content-type': CONTENT_TYPES[extname(path)] ?? 'application/octet-stream', 'content-length': statSync(path).size });
  createReadStream(path).pipe(res);
}
