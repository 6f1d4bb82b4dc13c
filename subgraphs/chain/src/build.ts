import { createSubgraph, type BuildDeps, type BuiltSubgraph, type SubgraphDeps } from '@mosaic/kit';
import type { Context } from './context';
import { createLoaders } from './data/loaders';
import { ChainRuntime } from './domain/chain-runtime';
import type { ChainSettings } from './env';
import type { ChainNetwork } from './providers/network';
import { resolvers } from './resolvers';

export interface ChainDeps extends SubgraphDeps {
  /** A network to use instead of the configured one (tests run two replicas on one development network). */
  network?: ChainNetwork;
}

export interface BuiltChain extends BuiltSubgraph {
  /** The network, sender and tracking rounds, for tests and benchmarks. */
  chain: ChainRuntime;
  close: () => Promise<void>;
}

export async function buildSubgraph(deps: BuildDeps<ChainDeps>, settings: ChainSettings): Promise<BuiltChain> {
  const chain = await ChainRuntime.start({ db: deps.db, pubsub: deps.pubsub, now: deps.now, log: deps.log, ...(deps.network ? { network: deps.network } : {}) }, settings);
  const subgraph = createSubgraph<Context>({
    deps,
    resolvers,
    context: (base) => ({ ...base, db: deps.db, now: deps.now, pubsub: deps.pubsub, settings, chain, loaders: createLoaders(deps.db, chain.network.chainId) }),
  });
  return { subgraph, chain, close: () => chain.close() };
}
