import { createServer, connect, type Socket } from 'node:net';

/**
 * A TCP proxy a test controls, to cut a client's connection to a real server (RabbitMQ,
 * PostgreSQL) mid-stream: `drop()` destroys every open connection; `refuse(true)` also turns new
 * ones away until `refuse(false)`.
 */
export async function startTcpProxy(target: { host: string; port: number }) {
  const open = new Set<Socket>();
  let refusing = false;
  let connections = 0;
  const server = createServer((client) => {
    if (refusing) return void client.destroy();
    connections++;
    const upstream = connect(target.port, target.host);
    for (const socket of [client, upstream]) {
      open.add(socket);
      socket.on('error', () => {});
      socket.on('close', () => {
        open.delete(socket);
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    port,
    /** Connections accepted so far (a reconnect shows as one more). */
    connections: () => connections,
    drop() {
      for (const socket of open) socket.destroy();
    },
    refuse(on: boolean) {
      refusing = on;
    },
    async close() {
      this.drop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
