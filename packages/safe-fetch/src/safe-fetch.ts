import { lookup as dnsLookup } from 'node:dns/promises';
import { request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { allowList, mayConnectTo } from './addresses';

export interface ResolvedAddress {
  address: string;
  family: number;
}

export interface SafeFetchOptions {
  /** The whole fetch (every redirect, headers and body) ends after this long. 5 s if omitted. */
  timeoutMs?: number;
  /** At most this many bytes of the body are read; the rest is cut off (`truncated`). 512 KiB if omitted. */
  maxBytes?: number;
  /** Redirects followed, each re-checked like the first URL. 3 if omitted. */
  maxRedirects?: number;
  headers?: Record<string, string>;
  /**
   * Internal address blocks this fetch may reach anyway, as CIDR ("127.0.0.1/32"). Empty by default:
   * only tests against a local server should name any.
   */
  allowInternal?: readonly string[];
  signal?: AbortSignal;
  /** How host names are resolved; the system resolver if omitted (tests inject one). */
  resolve?: (hostname: string) => Promise<ResolvedAddress[]>;
}

export interface SafeResponse {
  /** The URL finally fetched, after redirects. */
  url: string;
  status: number;
  headers: IncomingHttpHeaders;
  /** The connected address (the one that was checked). */
  address: string;
  body: Buffer;
  /** True when the body was longer than `maxBytes` and cut there. */
  truncated: boolean;
}

export type SafeFetchRefusal = 'scheme' | 'address' | 'redirects' | 'timeout' | 'network';

/** A fetch refused or failed; `reason` says which rule or failure. */
export class SafeFetchError extends Error {
  constructor(
    readonly reason: SafeFetchRefusal,
    message: string,
  ) {
    super(message);
    this.name = 'SafeFetchError';
  }
}

const systemResolve = (hostname: string): Promise<ResolvedAddress[]> => dnsLookup(hostname, { all: true });

/**
 * Fetches a URL someone else chose (a link in a message, a URL to shorten) without letting them
 * use the server to reach its own network:
 * - only http and https;
 * - the host is resolved once, every address it resolves to must be public (or explicitly
 *   allowed), and the connection is made to that checked address — the socket's DNS lookup is
 *   replaced, so a name that resolves differently a moment later (DNS rebinding) cannot redirect it;
 * - redirects are followed by hand, each target checked the same way;
 * - one deadline for everything, and the body is read up to `maxBytes` only (an endless page is cut).
 */
export async function safeFetch(url: string, options: SafeFetchOptions = {}): Promise<SafeResponse> {
  const allowed = allowList(options.allowInternal ?? []);
  const resolve = options.resolve ?? systemResolve;
  const signal = AbortSignal.any([AbortSignal.timeout(options.timeoutMs ?? 5_000), ...(options.signal ? [options.signal] : [])]);
  const maxRedirects = options.maxRedirects ?? 3;
  let target = parseUrl(url);
  for (let hop = 0; ; hop++) {
    const response = await fetchOnce(target, { ...options, allowed, resolve, signal });
    const location = response.message.headers.location;
    if (response.message.statusCode! >= 300 && response.message.statusCode! < 400 && location) {
      response.message.destroy();
      if (hop === maxRedirects) throw new SafeFetchError('redirects', `more than ${maxRedirects} redirects`);
      target = parseUrl(new URL(location, target).toString());
      continue;
    }
    const { body, truncated } = await readLimited(response.message, options.maxBytes ?? 512 * 1024, signal);
    return { url: target.toString(), status: response.message.statusCode!, headers: response.message.headers, address: response.address, body, truncated };
  }
}

function parseUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new SafeFetchError('scheme', `not a URL: ${raw}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new SafeFetchError('scheme', `only http and https URLs are fetched, not ${url.protocol}`);
  return url;
}

interface Hop {
  allowed: ReturnType<typeof allowList>;
  resolve: (hostname: string) => Promise<ResolvedAddress[]>;
  signal: AbortSignal;
  headers?: Record<string, string>;
}

/** The one address this hop connects to: resolved and checked here, then handed to the socket as its lookup result. */
async function checkedAddress(hostname: string, hop: Hop): Promise<ResolvedAddress> {
  const host = hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await hop.resolve(host).catch(() => []);
  if (addresses.length === 0) throw new SafeFetchError('network', `${host} does not resolve`);
  // Every address must be allowed, not just the first: otherwise which one is used decides.
  const refused = addresses.find(({ address }) => !mayConnectTo(address, hop.allowed));
  if (refused) throw new SafeFetchError('address', `${host} resolves to an internal address (${refused.address}); such URLs are not fetched`);
  return addresses[0]!;
}

async function fetchOnce(url: URL, hop: Hop): Promise<{ message: IncomingMessage; address: string }> {
  if (hop.signal.aborted) throw new SafeFetchError('timeout', 'the fetch took too long');
  const pinned = await checkedAddress(url.hostname, hop);
  // The socket asks this instead of DNS: it can only ever connect to the address checked above.
  const lookup: LookupFunction = (_hostname, options, callback) => {
    if (options.all) (callback as (error: null, addresses: ResolvedAddress[]) => void)(null, [pinned]);
    else callback(null, pinned.address, pinned.family);
  };
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { method: 'GET', headers: hop.headers, lookup, signal: hop.signal, agent: false }, (message) => resolve({ message, address: pinned.address }));
    outgoing.on('error', (error) => reject(hop.signal.aborted ? new SafeFetchError('timeout', 'the fetch took too long') : new SafeFetchError('network', error.message)));
    outgoing.end();
  });
}

async function readLimited(message: IncomingMessage, maxBytes: number, signal: AbortSignal): Promise<{ body: Buffer; truncated: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of message) {
      const buffer = chunk as Buffer;
      if (size + buffer.length > maxBytes) {
        chunks.push(buffer.subarray(0, maxBytes - size));
        message.destroy();
        return { body: Buffer.concat(chunks), truncated: true };
      }
      chunks.push(buffer);
      size += buffer.length;
    }
  } catch (error) {
    if (signal.aborted) throw new SafeFetchError('timeout', 'the fetch took too long');
    throw new SafeFetchError('network', (error as Error).message);
  }
  return { body: Buffer.concat(chunks), truncated: false };
}
