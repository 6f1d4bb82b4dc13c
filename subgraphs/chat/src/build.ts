import { createSubgraph, deadLetterAdminResolvers, loadTypeDefs, mergeResolvers, withDeadLetterAdmin, type BuiltSubgraph, type SubgraphDeps } from '@mosaic/kit';
import type { Context } from './context';
import { accountEvents } from '@mosaic/accounts/events';
import { createLoaders } from './data/loaders';
import { forgetDeletedAccount } from './domain/account-deleted';
import { fanOutToLiveStreams, LIVE_EVENT_TYPES } from './domain/events';
import { chatEvents } from './events';
import { chatPolicies } from './policies';
import { resolvers } from './resolvers';

export const typeDefs = withDeadLetterAdmin('chat', loadTypeDefs(new URL('./schema.graphql', import.meta.url)));

export interface ChatDeps extends SubgraphDeps {
  now?: () => Date;
}

export function buildSubgraph(deps: ChatDeps): BuiltSubgraph {
  const now = deps.now ?? (() => new Date());
  const events = deps.events.outbox(chatEvents);
  // Live streams are fed by the relay, so a committed message always reaches them, in order per room.
  deps.events.on(chatEvents, LIVE_EVENT_TYPES, fanOutToLiveStreams(deps.pubsub), { group: 'live', inbox: false, retryInPlace: true });
  deps.events.on(accountEvents, 'account.deleted', forgetDeletedAccount(events, now), { group: 'account-deleted' });
  const subgraph = createSubgraph<Context>({
    name: 'chat',
    typeDefs,
    resolvers: mergeResolvers(resolvers, deadLetterAdminResolvers('chat', deps.events)),
    verifier: deps.verifier,
    log: deps.log,
    policies: chatPolicies,
    context: (base) => ({ ...base, db: deps.db, pubsub: deps.pubsub, events, now, loaders: createLoaders(deps.db, base.viewer?.userId ?? null) }),
  });
  return { subgraph };
}
