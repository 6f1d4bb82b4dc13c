import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/**
 * A local stand-in for Finnhub that speaks its documented wire format: a websocket at
 * `/?token=KEY` taking `{"type":"subscribe"|"unsubscribe","symbol":…}` and sending
 * `{"type":"trade","data":[{s,p,t,v}]}` / `{"type":"ping"}`, and `GET /api/v1/stock/candle`.
 */
export async function startFakeFinnhub() {
  const received: { type: string; symbol: string }[] = [];
  const tokens: (string | null)[] = [];
  const candleRequests: URLSearchParams[] = [];
  let candleResponse: { status: number; body: unknown } = { status: 200, body: { s: 'no_data' } };
  let open = 0;
  let maxOpen = 0;
  const sockets = new Set<WebSocket>();

  const http: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/api/v1/stock/candle') {
      candleRequests.push(url.searchParams);
      res.writeHead(candleResponse.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(candleResponse.body));
      return;
    }
    res.writeHead(404).end();
  });
  const wss = new WebSocketServer({ server: http });
  wss.on('connection', (socket, req) => {
    tokens.push(new URL(req.url ?? '/', 'http://localhost').searchParams.get('token'));
    sockets.add(socket);
    open++;
    maxOpen = Math.max(maxOpen, open);
    socket.on('message', (data) => received.push(JSON.parse(String(data))));
    socket.on('close', () => {
      sockets.delete(socket);
      open--;
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;

  return {
    wsUrl: `ws://127.0.0.1:${port}`,
    restUrl: `http://127.0.0.1:${port}/api/v1`,
    received,
    tokens,
    candleRequests,
    get open() {
      return open;
    },
    get maxOpen() {
      return maxOpen;
    },
    /** Symbols subscribed now, replaying the subscribe/unsubscribe messages received. */
    subscribed(): string[] {
      const set = new Set<string>();
      for (const message of received) {
        if (message.type === 'subscribe') set.add(message.symbol);
        else set.delete(message.symbol);
      }
      return [...set].sort();
    },
    send(message: unknown) {
      for (const socket of sockets) socket.send(JSON.stringify(message));
    },
    /** Drops every connection, as a network failure would. */
    dropConnections() {
      for (const socket of sockets) socket.terminate();
    },
    respondToCandles(status: number, body: unknown) {
      candleResponse = { status, body };
    },
    async close() {
      for (const socket of sockets) socket.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}
