import type { ClientInfo, Viewer } from '@mosaic/kit';

export interface GatewayContext {
  requestId: string;
  viewer: Viewer | null;
  /** The verified Authorization header, forwarded unchanged to subgraphs. */
  authorization: string | undefined;
  /** The end client (address after trusted proxies, user agent), forwarded to subgraphs. */
  client?: ClientInfo;
  /** `x-mosaic-cache: bypass` outside production: no cache read or written for this request (debugging). */
  cacheBypass?: boolean;
  /** The cached-entity ids this request's `_entities` fetches touched: its cached response is dropped with any of them. */
  cacheTags?: Set<string>;
  /** The narrowest `Cache-Control` the subgraphs sent for this request: its response is never cached longer or wider. */
  cacheUpstream?: { maxAge: number; scope: 'PUBLIC' | 'PRIVATE' };
  /** Whether the operation has an active @defer, once it is resolved (http/incremental-delivery.ts `requestDefers`). */
  activeDefer?: boolean;
}
