export { createGateway, type Gateway, type GatewayOptions } from './build-gateway';
export { supergraphForGateway, subgraphEndpoints, type SubgraphEndpoint } from './supergraph';
export type { GatewayContext } from './context';
