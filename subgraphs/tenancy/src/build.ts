import { createSubgraph, deadLetterAdminResolvers, mergeResolvers, type BuildDeps, type BuiltSubgraph } from '@mosaic/kit';
import { accountEvents } from '@mosaic/accounts/events';
import type { Context } from './context';
import { createLoaders } from './data/loaders';
import { forgetDeletedAccount } from './domain/account-deleted';
import type { TenancySettings } from './env';
import { tenancyEvents } from './events';
import { resolvers } from './resolvers';

export function buildSubgraph(deps: BuildDeps, settings: TenancySettings): BuiltSubgraph {
  const events = deps.events.outbox(tenancyEvents);
  // A deleted account's memberships end (at least once; the inbox makes a repeat change nothing).
  deps.events.on(accountEvents, 'account.deleted', forgetDeletedAccount(events, deps.now), { group: 'account-deleted' });
  const subgraph = createSubgraph<Context>({
    deps,
    resolvers: mergeResolvers(resolvers, deadLetterAdminResolvers(deps.name, deps.events)),
    context: (base) => ({ ...base, db: deps.db, now: deps.now, settings, events, loaders: createLoaders(deps.db, deps.now) }),
  });
  return { subgraph };
}
