import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import type { GatewayStarter } from './running-gateway';

/** Stock `@apollo/gateway` under `@apollo/server`'s standalone HTTP server, default settings. */
export const startStockApollo: GatewayStarter = async (supergraphSdl) => {
  const server = new ApolloServer({ gateway: new ApolloGateway({ supergraphSdl }) });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
  return { url, close: () => server.stop() };
};
