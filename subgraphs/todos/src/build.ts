import { createSubgraph, deadLetterAdminResolvers, mergeResolvers, tenantDb, tenantScopeOf, type BuildDeps, type BuiltSubgraph } from '@mosaic/kit';
import type { Context } from './context';
import { accountEvents } from '@mosaic/accounts/events';
import { createLoaders } from './data/loaders';
import { forgetDeletedAccount } from './domain/account-deleted';
import { resolvers } from './resolvers';

export function buildSubgraph(deps: BuildDeps): BuiltSubgraph {
  deps.events.on(accountEvents, 'account.deleted', forgetDeletedAccount, { group: 'account-deleted' });
  const subgraph = createSubgraph<Context>({
    deps,
    resolvers: mergeResolvers(resolvers, deadLetterAdminResolvers(deps.name, deps.events)),
    context: (base) => {
      // Row-level security: every statement of this request runs bound to the verified token's user and organisation.
      const db = tenantDb(deps.db, tenantScopeOf(base.auth));
      return { ...base, db, now: deps.now, loaders: createLoaders(db, deps.now, base.viewer?.userId ?? null) };
    },
  });
  return { subgraph };
}
