import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { listenLocal } from './listen-local';
import type { GatewayStarter } from './running-gateway';

/** The part of `@graphql-hive/gateway-runtime`'s API used here. */
interface HiveRuntimeModule {
  createGatewayRuntime(config: { supergraph: string }): ((req: IncomingMessage, res: ServerResponse) => void) & { dispose(): unknown };
}

/**
 * Loaded by a non-literal specifier on purpose: its type declarations pull in `lib.dom`
 * (via @whatwg-node/fetch), whose `fetch` types break type-checking of Node code in the same
 * program (e.g. the Mosaic gateway's). The runtime module is the normal ESM entry.
 */
const HIVE_RUNTIME = '@graphql-hive/gateway-runtime';

/** Hive Gateway's JS runtime, its documented programmatic API on node:http, default settings. */
export const startHive: GatewayStarter = async (supergraphSdl) => {
  const { createGatewayRuntime } = (await import(HIVE_RUNTIME)) as HiveRuntimeModule;
  const gateway = createGatewayRuntime({ supergraph: supergraphSdl });
  const server = createServer(gateway);
  const baseUrl = await listenLocal(server);
  return {
    url: `${baseUrl}/graphql`,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await gateway.dispose();
    },
  };
};
