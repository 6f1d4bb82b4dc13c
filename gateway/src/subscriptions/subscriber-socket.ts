/**
 * What a subscriber's events are written to: a graphql-ws WebSocket, or an HTTP response speaking
 * SSE or Apollo's multipart protocol (http-subscriptions.ts) behind the same shape. Every write
 * is a graphql-ws `next` message; HTTP transports re-frame it.
 */
export interface SubscriberSocket {
  readonly readyState: number;
  readonly OPEN: number;
  /** Bytes written but not yet sent (slow consumers are closed past a limit). */
  readonly bufferedAmount: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}
