import { createSubgraph, type BuildDeps, type BuiltSubgraph } from '@mosaic/kit';
import type { Context } from './context';
import { createLoaders } from './data/loaders';
import type { WeatherSettings } from './env';
import { resolvers } from './resolvers';

export function buildSubgraph(deps: BuildDeps, settings: WeatherSettings): BuiltSubgraph {
  const subgraph = createSubgraph<Context>({
    deps,
    resolvers,
    context: (base) => ({ ...base, db: deps.db, now: deps.now, settings, loaders: createLoaders(deps.db) }),
  });
  return { subgraph };
}
