import { createSubgraph, loadTypeDefs, type BuiltSubgraph, type SubgraphDeps } from '@mosaic/kit';
import type { Context } from './context';
import { createLoaders } from './data/loaders';
import { chatPolicies } from './policies';
import { resolvers } from './resolvers';

export const typeDefs = loadTypeDefs(new URL('./schema.graphql', import.meta.url));

export interface ChatDeps extends SubgraphDeps {
  now?: () => Date;
}

export function buildSubgraph(deps: ChatDeps): BuiltSubgraph {
  const now = deps.now ?? (() => new Date());
  const subgraph = createSubgraph<Context>({
    name: 'chat',
    typeDefs,
    resolvers,
    verifier: deps.verifier,
    log: deps.log,
    policies: chatPolicies,
    context: (base) => ({ ...base, db: deps.db, pubsub: deps.pubsub, now, loaders: createLoaders(deps.db, base.viewer?.userId ?? null) }),
  });
  return { subgraph };
}
