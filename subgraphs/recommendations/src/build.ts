import { createSubgraph, deadLetterAdminResolvers, mergeResolvers, type BuildDeps, type BuiltSubgraph } from '@mosaic/kit';
import { accountEvents } from '@mosaic/accounts/events';
import type { Context } from './context';
import { createLoaders } from './data/loaders';
import { forgetDeletedAccount } from './domain/account-deleted';
import { learnFromBlog } from './domain/learn-from-blog';
import { learnFromCommerce } from './domain/learn-from-commerce';
import { ModelRuntime } from './domain/model-runtime';
import type { RecommendationsSettings } from './env';
import { resolvers } from './resolvers';

export async function buildSubgraph(deps: BuildDeps, settings: RecommendationsSettings): Promise<BuiltSubgraph> {
  // Per-user data goes with the account (at least once; the inbox makes a repeat change nothing).
  deps.events.on(accountEvents, 'account.deleted', forgetDeletedAccount, { group: 'account-deleted' });
  learnFromBlog(deps.events, settings);
  learnFromCommerce(deps.events, settings);
  const models = new ModelRuntime({ db: deps.db, log: deps.log, now: deps.now }, settings);
  await models.start();
  const subgraph = createSubgraph<Context>({
    deps,
    resolvers: mergeResolvers(resolvers, deadLetterAdminResolvers(deps.name, deps.events)),
    context: (base) => ({ ...base, db: deps.db, now: deps.now, requestedAt: deps.now(), settings, loaders: createLoaders(deps.db), models }),
  });
  return { subgraph, close: () => models.close() };
}
