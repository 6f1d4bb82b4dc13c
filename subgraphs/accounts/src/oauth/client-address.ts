import type { IncomingMessage } from 'node:http';
import type { ClientInfo } from '@mosaic/kit';

/**
 * The browser's address on accounts' public pages, which browsers reach directly (through the
 * ingress), not through the gateway: the gateway's forwarded-address header is not believed here.
 * With `trustedHops` proxies in front (OAUTH_TRUST_PROXY_HOPS), the address is the one the
 * outermost trusted proxy saw: counted from the right of X-Forwarded-For, as Express's
 * `trust proxy = <number>` does — entries further left are written by the client and ignored.
 */
export function browserClient(req: IncomingMessage, trustedHops: number): ClientInfo {
  const userAgent = req.headers['user-agent']?.slice(0, 512) ?? null;
  const socket = req.socket.remoteAddress ?? null;
  if (trustedHops <= 0) return { ip: socket, userAgent };
  const forwarded = String(req.headers['x-forwarded-for'] ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const chain = [...forwarded, ...(socket ? [socket] : [])];
  return { ip: chain[Math.max(0, chain.length - 1 - trustedHops)] ?? socket, userAgent };
}
