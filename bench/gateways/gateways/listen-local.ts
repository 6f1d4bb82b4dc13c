import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Listens on a free 127.0.0.1 port; resolves to `http://127.0.0.1:PORT`. */
export function listenLocal(server: Server): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
  });
}
