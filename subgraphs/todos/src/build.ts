import { createSubgraph, type BuildDeps, type BuiltSubgraph } from '@mosaic/kit';
import type { Context } from './context';
import { createLoaders } from './data/loaders';
import { resolvers } from './resolvers';

export function buildSubgraph(deps: BuildDeps): BuiltSubgraph {
  const subgraph = createSubgraph<Context>({
    deps,
    resolvers,
    context: (base) => ({ ...base, db: deps.db, now: deps.now, loaders: createLoaders(deps.db, deps.now) }),
  });
  return { subgraph };
}
