import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { listenLocal } from './listen-local';
import type { GatewayStarter } from './running-gateway';

/** The parts of `@graphql-hive/gateway-runtime` and `@graphql-hive/router-runtime` used here. */
interface HiveRuntimeModule {
  createGatewayRuntime(config: { supergraph: string; unifiedGraphHandler: unknown }): ((req: IncomingMessage, res: ServerResponse) => void) & { dispose(): unknown };
}
interface RouterRuntimeModule {
  unifiedGraphHandler: unknown;
}

/** Non-literal specifiers for the same reason as hive.ts: their declarations pull in `lib.dom`. */
const HIVE_RUNTIME = '@graphql-hive/gateway-runtime';
const ROUTER_RUNTIME = '@graphql-hive/router-runtime';

/**
 * Hive Gateway with Hive Router's runtime (Rust query planner through a native addon, and its
 * purpose-built executor): the documented `unifiedGraphHandler` option
 * (`defineConfig({ unifiedGraphHandler })` in the `@graphql-hive/gateway` CLI's config, which hands
 * it to this same `createGatewayRuntime`), on node:http, otherwise default settings. The CLI
 * package itself is not installed: its OpenTelemetry auto-instrumentations bring `@types/pg`,
 * which splits drizzle-orm's peer set in the whole workspace and breaks its type-checking.
 */
export const startHiveRouter: GatewayStarter = async (supergraphSdl) => {
  const { createGatewayRuntime } = (await import(HIVE_RUNTIME)) as HiveRuntimeModule;
  const { unifiedGraphHandler } = (await import(ROUTER_RUNTIME)) as RouterRuntimeModule;
  const gateway = createGatewayRuntime({ supergraph: supergraphSdl, unifiedGraphHandler });
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
