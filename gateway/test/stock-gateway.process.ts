import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';

/**
 * Stock @apollo/gateway under @apollo/server, default settings, in a process of its own: nothing
 * of Mosaic is loaded here, so none of the gateway's replacements inside federation-internals can
 * be active (the parity test checks `patched: false`). Prints `STOCK_GATEWAY_READY {"url":…}`.
 */
const server = new ApolloServer({ gateway: new ApolloGateway({ supergraphSdl: readFileSync(process.env.SUPERGRAPH_PATH!, 'utf8') }) });
const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
const operations = createRequire(import.meta.url)('@apollo/federation-internals/dist/operations') as { operationFromDocument: Record<symbol, unknown> };
const patched = Boolean(operations.operationFromDocument[Symbol.for('mosaic.federation.memoisedOperationFromDocument')]);
console.log(`STOCK_GATEWAY_READY ${JSON.stringify({ url, patched })}`);
process.once('SIGTERM', () => void server.stop().finally(() => process.exit(0)));
