import type { CandleConnectionResolvers } from '../resolvers.generated';

export const CandleConnection: CandleConnectionResolvers = {
  nodes: (page) => page.edges.map((edge) => edge.node),
};
