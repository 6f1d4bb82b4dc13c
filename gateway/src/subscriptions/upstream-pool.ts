import { createClient, type Client, type ExecutionResult, type Sink, type SubscribePayload } from 'graphql-ws';
import WebSocket from 'ws';
import { GATEWAY_TOKEN_HEADER, type Logger } from '@mosaic/kit';

export interface UpstreamOptions {
  log: Logger;
  /** Reconnect attempts after the upstream socket drops, before subscriptions fail. */
  retryAttempts?: number;
  /** Signs the gateway trust header sent with every upgrade request. */
  gatewayToken?: (() => string) | undefined;
}

/**
 * graphql-ws clients to subgraphs, one socket per (subgraph URL, credential) shared by every group
 * that subscribes with that credential; a socket is disposed when its last subscription ends.
 * A dropped socket is reconnected (exponential back-off) and its subscriptions resubscribed by
 * graphql-ws; once retries are exhausted each subscription's sink gets an error.
 */
export class UpstreamPool {
  private readonly clients = new Map<string, { client: Client; subscriptions: number }>();

  constructor(private readonly options: UpstreamOptions) {}

  subscribe(httpUrl: string, authorization: string | undefined, payload: SubscribePayload, sink: Sink<ExecutionResult>): () => void {
    const key = `${httpUrl}\n${authorization ?? ''}`;
    let entry = this.clients.get(key);
    if (!entry) {
      entry = { client: this.createClient(httpUrl, authorization), subscriptions: 0 };
      this.clients.set(key, entry);
    }
    entry.subscriptions++;
    const unsubscribe = entry.client.subscribe(payload, sink);
    let released = false;
    const current = entry;
    return () => {
      if (released) return;
      released = true;
      unsubscribe();
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

  private createClient(httpUrl: string, authorization: string | undefined): Client {
    const gatewayToken = this.options.gatewayToken;
    // graphql-ws constructs the socket itself; this subclass adds the trust header to each (re)connect.
    const webSocketImpl = gatewayToken ? socketWithHeader(gatewayToken) : WebSocket;
    return createClient({
      url: httpUrl.replace(/^http/, 'ws'),
      webSocketImpl,
      connectionParams: authorization ? { authorization } : {},
      lazy: true,
      lazyCloseTimeout: 0,
      keepAlive: 15_000,
      retryAttempts: this.options.retryAttempts ?? 5,
      shouldRetry: () => true,
      on: {
        closed: (event) => this.options.log.debug({ url: httpUrl, code: (event as { code?: number }).code }, 'upstream subscription socket closed'),
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
