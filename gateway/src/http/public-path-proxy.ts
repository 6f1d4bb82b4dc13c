import { Agent, request, type IncomingHttpHeaders } from 'node:http';
import { matchPublicPath, pathOf, publicPathTable, sendJson, type RequestHandler } from '@mosaic/kit';

/** `PUBLIC_PATH_UPSTREAMS`: `prefix=url` pairs, comma-separated, e.g. `/=http://links:4006`. */
export function parsePublicPathUpstreams(value: string): { prefix: string; url: string }[] {
  return value
    .split(',')
    .map((pair) => pair.trim())
    .filter(Boolean)
    .map((pair) => {
      const at = pair.indexOf('=');
      const url = pair.slice(at + 1);
      if (at < 1 || !/^http:\/\/[^/]+$/.test(url)) throw new Error(`"${pair}" is not prefix=http://host:port`);
      return { prefix: pair.slice(0, at), url };
    });
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'te', 'trailer', 'upgrade']);

function forwardedHeaders(headers: IncomingHttpHeaders, clientIp: string, trustProxy: boolean): IncomingHttpHeaders {
  const out: IncomingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) if (!HOP_BY_HOP.has(name)) out[name] = value;
  const earlier = trustProxy ? headers['x-forwarded-for'] : undefined;
  out['x-forwarded-for'] = earlier ? `${Array.isArray(earlier) ? earlier.join(', ') : earlier}, ${clientIp}` : clientIp;
  if (headers.host) out['x-forwarded-host'] = headers.host;
  return out;
}

/**
 * Services mode without an ingress (docker compose, `pnpm start:services`): the gateway forwards
 * subgraphs' public paths (short links…) to them, so one origin serves everything as in
 * all-in-one. The gateway's own routes are matched before this runs. In Kubernetes the ingress
 * routes those paths straight to the subgraph instead (no extra hop).
 */
export function publicPathProxy(upstreams: readonly { prefix: string; url: string }[], options: { trustProxy: boolean; timeoutMs: number }): RequestHandler {
  const table = publicPathTable(upstreams.map(({ prefix, url }) => ({ owner: url, prefixes: [prefix] })));
  const agent = new Agent({ keepAlive: true, maxSockets: 512 });
  return (req, res) =>
    new Promise<void>((resolve) => {
      const upstream = matchPublicPath(table, pathOf(req.url));
      if (!upstream) {
        sendJson(res, 404, { error: `No route for ${pathOf(req.url)}` });
        return resolve();
      }
      const target = new URL(upstream);
      const outgoing = request(
        {
          hostname: target.hostname,
          port: target.port,
          method: req.method,
          path: req.url,
          headers: forwardedHeaders(req.headers, req.socket.remoteAddress ?? 'unknown', options.trustProxy),
          agent,
          timeout: options.timeoutMs,
        },
        (response) => {
          const headers: IncomingHttpHeaders = {};
          for (const [name, value] of Object.entries(response.headers)) if (!HOP_BY_HOP.has(name)) headers[name] = value;
          res.writeHead(response.statusCode ?? 502, headers);
          response.pipe(res);
          response.once('end', resolve);
          response.once('error', () => {
            res.destroy();
            resolve();
          });
        },
      );
      outgoing.once('timeout', () => outgoing.destroy(new Error('upstream timeout')));
      outgoing.once('error', () => {
        if (!res.headersSent) sendJson(res, 502, { error: 'The service behind this path is not reachable; try again shortly.' });
        else res.destroy();
        resolve();
      });
      req.pipe(outgoing);
    });
}
