import { createSubgraph, deadLetterAdminResolvers, loadTypeDefs, mergeResolvers, withDeadLetterAdmin, type BuiltSubgraph, type SubgraphDeps } from '@mosaic/kit';
import type { Context } from './context';
import { accountEvents } from '@mosaic/accounts/events';
import { createLoaders } from './data/loaders';
import { forgetDeletedAccount } from './domain/account-deleted';
import { notesPolicies } from './policies';
import { resolvers } from './resolvers';

export const typeDefs = withDeadLetterAdmin('notes', loadTypeDefs(new URL('./schema.graphql', import.meta.url)));

export interface NotesDeps extends SubgraphDeps {
  now?: () => Date;
}

export function buildSubgraph(deps: NotesDeps): BuiltSubgraph {
  const now = deps.now ?? (() => new Date());
  deps.events.on(accountEvents, 'account.deleted', forgetDeletedAccount, { group: 'account-deleted' });
  const subgraph = createSubgraph<Context>({
    name: 'notes',
    typeDefs,
    resolvers: mergeResolvers(resolvers, deadLetterAdminResolvers('notes', deps.events)),
    verifier: deps.verifier,
    log: deps.log,
    policies: notesPolicies,
    context: (base) => ({ ...base, db: deps.db, now, loaders: createLoaders(deps.db) }),
  });
  return { subgraph };
}
