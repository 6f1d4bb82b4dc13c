import { createSubgraph, type BuildDeps, type BuiltSubgraph } from '@mosaic/kit';
import type { Context } from './context';
import { createLoaders } from './data/loaders';
import { resolvers } from './resolvers';

/**
 * Chat needs no `@policy` of its own: `User.chatRooms` uses kit's standard `self` (a `User` parent
 * here is the gateway's representation `{ id }` with the public id). Room rules (public/private,
 * member, owner) depend on data, so they live in the domain functions (`domain/room-access.ts`),
 * not in directives — which also keeps the types reachable from live events free of directives.
 */
export function buildSubgraph(deps: BuildDeps): BuiltSubgraph {
  const subgraph = createSubgraph<Context>({
    deps,
    resolvers,
    context: (base) => ({ ...base, db: deps.db, pubsub: deps.pubsub, now: deps.now, loaders: createLoaders(deps.db, base.viewer?.userId ?? null) }),
  });
  return { subgraph };
}
