import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SUBGRAPHS } from './all';
import { zeroCounters, type CountersBySubgraph } from './counters';
import { createSubgraphServer } from './subgraph-server';

/**
 * Child-process entry: all four subgraphs in this one process (so the gateway under test has its
 * own), each on its own 127.0.0.1 port, plus a control server: `GET /stats` returns the counters,
 * `POST /reset` zeroes them. Prints one line `SUBGRAPHS_READY {"urls":{…},"controlUrl":…}`.
 */
const listenLocal = (server: Server) =>
  new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));

const counters: CountersBySubgraph = {};
const urls: Record<string, string> = {};
for (const definition of SUBGRAPHS) {
  const running = createSubgraphServer(definition);
  counters[definition.name] = running.counters;
  urls[definition.name] = `${await listenLocal(running.server)}/graphql`;
}

const control = createServer((req, res) => {
  if (req.method === 'POST' && req.url === '/reset') {
    for (const c of Object.values(counters)) Object.assign(c, zeroCounters());
  }
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify(counters));
});
const controlUrl = await listenLocal(control);
console.log(`SUBGRAPHS_READY ${JSON.stringify({ urls, controlUrl })}`);
process.once('SIGTERM', () => process.exit(0));
