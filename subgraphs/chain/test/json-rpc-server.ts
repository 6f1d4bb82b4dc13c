import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import type { Eip1193Provider } from '../src/providers/devnet/json-rpc';
import { RpcError } from '../src/providers/devnet/rpc-error';

interface JsonRpcRequest {
  jsonrpc?: string;
  id?: number | string | null;
  method?: unknown;
  params?: unknown;
}

/** Replaces a method's answer: return a value, or throw an RpcError to answer with an error object. */
export type Override = (params: readonly unknown[]) => unknown;

/**
 * An Ethereum JSON-RPC 2.0 server over HTTP (POST, single or batch) and WebSocket, as nodes and
 * providers speak it, in front of a provider (the development network). Tests change answers
 * per method (`overrides`) and count what was asked (`calls`), or make it answer HTTP 503.
 */
export async function startJsonRpcServer(provider: Eip1193Provider) {
  const overrides = new Map<string, Override>();
  const calls: string[] = [];
  let unavailable = false;

  async function answer(request: JsonRpcRequest): Promise<Record<string, unknown>> {
    const id = request.id ?? null;
    if (request.jsonrpc !== '2.0' || typeof request.method !== 'string') return { jsonrpc: '2.0', id, error: { code: -32600, message: 'invalid request' } };
    calls.push(request.method);
    const params = Array.isArray(request.params) ? request.params : [];
    try {
      const override = overrides.get(request.method);
      const result = override ? await override(params) : await provider.request({ method: request.method, params });
      return { jsonrpc: '2.0', id, result: result ?? null };
    } catch (error) {
      if (error instanceof RpcError) return { jsonrpc: '2.0', id, error: error.toJSON() };
      return { jsonrpc: '2.0', id, error: { code: -32603, message: (error as Error).message } };
    }
  }

  async function handle(body: string): Promise<unknown> {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return { jsonrpc: '2.0', id: null, error: { code: -32700, message: 'parse error' } };
    }
    return Array.isArray(parsed) ? Promise.all(parsed.map((r) => answer(r as JsonRpcRequest))) : answer(parsed as JsonRpcRequest);
  }

  const read = async (request: IncomingMessage) => {
    let body = '';
    for await (const chunk of request) body += chunk;
    return body;
  };

  const server = createServer(async (request, response) => {
    if (unavailable) return response.writeHead(503, { 'content-type': 'text/plain' }).end('upstream unavailable');
    if (request.method !== 'POST') return response.writeHead(405).end();
    const result = await handle(await read(request));
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result));
  });
  const sockets = new WebSocketServer({ server });
  sockets.on('connection', (socket) => {
    socket.on('message', async (message) => socket.send(JSON.stringify(await handle(String(message)))));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    httpUrl: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}`,
    overrides,
    calls,
    setUnavailable(value: boolean) {
      unavailable = value;
    },
    async close() {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
