import { createClient, type Client, type ExecutionResult, type Sink, type SubscribePayload } from 'graphql-ws';
import WebSocket from 'ws';
import { GATEWAY_TOKEN_HEADER, type GatewayRequestSigner, type Logger } from '@mosaic/kit';

export interface UpstreamOptions {
  log: Logger;
  /** Reconnect attempts after the upstream socket drops, before subscriptions fail. */
  retryAttempts?: number;
}

export interface UpstreamTarget {
  url: string;
  /** Signs each (re)connect's upgrade request with the gateway trust header. */
  sign?: GatewayRequestSigner | undefined;
}

/**
 * Who the socket is: the gateway itself (each subscription carries the gateway's vouch for its
 * viewer), or — for standard subgraphs and when no gateway secret is configured — a subscriber's
 * own credentials, as any federation gateway forwards them.
 */
export type UpstreamIdentity = { kind: 'gateway' } | { kind: 'subscriber'; authorization: string | undefined };

interface PooledClient {
  client: Client;
  subscriptions: number;
  /** Re-sign each subscription's vouch before graphql-ws resends its payload on a reconnect. */
  beforeReconnect: Set<() => void>;
}

/**
 * graphql-ws clients to subgraphs, one socket per (subgraph URL, identity) shared by every group
 * that subscribes with that identity; a socket is disposed when its last subscription ends.
 * A dropped socket is reconnected (exponential back-off) and its subscriptions resubscribed by
 * graphql-ws; once retries are exhausted each subscription's sink gets an error.
 */
export class UpstreamPool {
  private readonly clients = new Map<string, PooledClient>();

  constructor(private readonly options: UpstreamOptions) {}

  /**
   * `refresh` (gateway identity) re-signs the payload's vouch in place: graphql-ws sends this same
   * payload object again after every reconnect.
   */
  subscribe(target: UpstreamTarget, identity: UpstreamIdentity, payload: SubscribePayload, sink: Sink<ExecutionResult>, refresh?: () => void): () => void {
    const key = `${target.url}\n${identity.kind === 'gateway' ? 'gateway' : `subscriber:${identity.authorization ?? ''}`}`;
    let entry = this.clients.get(key);
    if (!entry) {
      const beforeReconnect = new Set<() => void>();
      entry = { client: this.createClient(target, identity, beforeReconnect), subscriptions: 0, beforeReconnect };
      this.clients.set(key, entry);
    }
    entry.subscriptions++;
    if (refresh) entry.beforeReconnect.add(refresh);
    const unsubscribe = entry.client.subscribe(payload, sink);
    let released = false;
    const current = entry;
    return () => {
      if (released) return;
      released = true;
      unsubscribe();
      if (refresh) current.beforeReconnect.delete(refresh);
      if (--current.subscriptions === 0 && this.clients.get(key) === current) {
        this.clients.delete(key);
        void current.client.dispose();
      }
    };
  }

  get openSockets(): number {
    return this.clients.size;
  }

  async close(): Promise<void> {
    const clients = [...this.clients.values()];
    this.clients.clear();
    await Promise.all(clients.map(({ client }) => client.dispose()));
  }

  private createClient(target: UpstreamTarget, identity: UpstreamIdentity, beforeReconnect: Set<() => void>): Client {
    const url = new URL(target.url.replace(/^http/, 'ws'));
    const sign = target.sign;
    // graphql-ws constructs the socket itself; this subclass adds the trust header to each (re)connect.
    const webSocketImpl = sign ? socketWithHeader(() => sign({ method: 'GET', path: `${url.pathname}${url.search}`, body: '' })) : WebSocket;
    return createClient({
      url: url.toString(),
      webSocketImpl,
      connectionParams: identity.kind === 'subscriber' && identity.authorization ? { authorization: identity.authorization } : {},
      lazy: true,
      lazyCloseTimeout: 0,
      keepAlive: 15_000,
      retryAttempts: this.options.retryAttempts ?? 5,
      shouldRetry: () => true,
      on: {
        connecting: () => {
          for (const refresh of beforeReconnect) refresh();
        },
        closed: (event) => this.options.log.debug({ url: target.url, code: (event as { code?: number }).code }, 'upstream subscription socket closed'),
      },
    });
  }
}

function socketWithHeader(token: () => string): new (url: string, protocols?: string | string[]) => WebSocket {
  return class GatewaySocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers: { [GATEWAY_TOKEN_HEADER]: token() } });
    }
  };
}
