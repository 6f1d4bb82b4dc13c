import type { IncomingMessage } from 'node:http';
import proxyAddr from 'proxy-addr';

/**
 * Which hops in front of the gateway may add to `X-Forwarded-For`, as Express's `trust proxy`
 * names them: none (`false`), the number of proxies (the ingress = 1), or their addresses and
 * CIDRs (`loopback`, `uniquelocal`, `10.0.0.0/8`, …). "Trust everyone" is deliberately not
 * offered: the left-most entries are written by the client.
 */
export type TrustedProxies = false | number | readonly string[];

/**
 * The client's address: walking `X-Forwarded-For` from the right (the hop nearest the gateway),
 * the first address that is not a trusted proxy (proxy-addr, the algorithm behind Express).
 */
export function clientAddressOf(trusted: TrustedProxies): (req: IncomingMessage) => string {
  if (trusted === false || trusted === 0) return (req) => req.socket.remoteAddress ?? 'unknown';
  const trust = typeof trusted === 'number' ? (_address: string, hop: number) => hop < trusted : proxyAddr.compile([...trusted]);
  return (req) => (req.socket.remoteAddress ? proxyAddr(req, trust) : 'unknown');
}

/** `TRUST_PROXY`: `false`, a hop count, or a comma-separated list of addresses / CIDRs / proxy-addr names. */
export function parseTrustedProxies(value: string): TrustedProxies {
  const text = value.trim();
  if (text === '' || text === 'false') return false;
  if (text === 'true') {
    throw new Error(
      'TRUST_PROXY=true would take the client address from what the client writes. Set the number of proxies in front of the gateway (e.g. 1 behind the ingress) or their addresses/CIDRs (e.g. "loopback,10.0.0.0/8").',
    );
  }
  if (/^\d+$/.test(text)) return Number(text);
  const list = text.split(',').map((entry) => entry.trim()).filter(Boolean);
  try {
    proxyAddr.compile(list);
  } catch (error) {
    throw new Error(`TRUST_PROXY is not a hop count or a list of addresses/CIDRs: ${(error as Error).message}`);
  }
  return list;
}
