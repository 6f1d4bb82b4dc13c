import type { IncomingMessage } from 'node:http';

/**
 * The end client of a request as the gateway saw it. The gateway resolves the address (trusted
 * proxies and all) and forwards it with the user agent in these headers; a subgraph believes them
 * because only the gateway can reach it (GATEWAY_SHARED_SECRET). Without them (a direct call, a
 * test) the socket's peer is the client.
 */
export const CLIENT_IP_HEADER = 'x-mosaic-client-ip';
export const CLIENT_USER_AGENT_HEADER = 'x-mosaic-client-user-agent';

export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
const bounded = (value: string | undefined, max: number) => (value ? value.slice(0, max) : null);

export function clientInfoOf(req: IncomingMessage): ClientInfo {
  return {
    ip: bounded(first(req.headers[CLIENT_IP_HEADER]) ?? req.socket.remoteAddress, 64),
    userAgent: bounded(first(req.headers[CLIENT_USER_AGENT_HEADER]) ?? first(req.headers['user-agent']), 512),
  };
}
