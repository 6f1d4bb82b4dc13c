import { createSubgraph, deadLetterAdminResolvers, loadTypeDefs, mergeResolvers, withDeadLetterAdmin, type BuiltSubgraph, type SubgraphDeps } from '@mosaic/kit';
import type { Context } from './context';
import { accountEvents } from '@mosaic/accounts/events';
import { createLoaders } from './data/loaders';
import { forgetDeletedAccount } from './domain/account-deleted';
import { todosPolicies } from './policies';
import { resolvers } from './resolvers';

export const typeDefs = withDeadLetterAdmin('todos', loadTypeDefs(new URL('./schema.graphql', import.meta.url)));

export interface TodosDeps extends SubgraphDeps {
  /** Injected so tests can move time (overdue filters, recurring completions). */
  now?: () => Date;
}

export function buildSubgraph(deps: TodosDeps): BuiltSubgraph {
  const now = deps.now ?? (() => new Date());
  deps.events.on(accountEvents, 'account.deleted', forgetDeletedAccount, { group: 'account-deleted' });
  const subgraph = createSubgraph<Context>({
    name: 'todos',
    typeDefs,
    resolvers: mergeResolvers(resolvers, deadLetterAdminResolvers('todos', deps.events)),
    verifier: deps.verifier,
    log: deps.log,
    policies: todosPolicies,
    context: (base) => ({ ...base, db: deps.db, now, loaders: createLoaders(deps.db, now) }),
  });
  return { subgraph };
}
