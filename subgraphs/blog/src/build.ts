import { createSubgraph, deadLetterAdminResolvers, mergeResolvers, type BuildDeps, type BuiltSubgraph, type RequestHandler } from '@mosaic/kit';
import { accountEvents } from '@mosaic/accounts/events';
import type { Context } from './context';
import { createLoaders } from './data/loaders';
import { forgetDeletedAccount } from './domain/account-deleted';
import { fanOutCommentAdded } from './domain/live';
import { postScheduler, type PostScheduler } from './domain/scheduler';
import type { BlogSettings } from './env';
import { blogEvents } from './events';
import { feedHandler } from './feed/feed-handler';
import { resolvers } from './resolvers';

export interface BuiltBlog extends BuiltSubgraph {
  publicHttp: RequestHandler;
  /** For tests: run a scheduler step now. */
  scheduler: PostScheduler;
  close: () => Promise<void>;
}

/**
 * The GraphQL subgraph, the scheduler that publishes scheduled posts (on every replica; they
 * share the work through row locks) and the public feeds (`/blog/…`, `deployment.publicPaths`).
 */
export function buildSubgraph(deps: BuildDeps, settings: BlogSettings): BuiltBlog {
  const events = deps.events.outbox(blogEvents);
  // Live comment streams are fed by the relay: a committed (approved) comment always reaches them.
  deps.events.on(blogEvents, ['comment.added', 'comment.moderated'], fanOutCommentAdded(deps.pubsub), { group: 'live', inbox: false, retryInPlace: true });
  // Per-user data goes with the account (at least once; the inbox makes a repeat change nothing).
  deps.events.on(accountEvents, 'account.deleted', forgetDeletedAccount, { group: 'account-deleted' });
  const subgraph = createSubgraph<Context>({
    deps,
    resolvers: mergeResolvers(resolvers, deadLetterAdminResolvers(deps.name, deps.events)),
    context: (base) => ({ ...base, db: deps.db, now: deps.now, settings, events, pubsub: deps.pubsub, loaders: createLoaders(deps.db, base.viewer?.userId ?? null) }),
  });
  const scheduler = postScheduler({ db: deps.db, events, now: deps.now, log: deps.log.child({ subgraph: deps.name, job: 'post-scheduler' }), intervalMs: settings.schedulerIntervalMs });
  scheduler.start();
  return {
    subgraph,
    publicHttp: feedHandler({ db: deps.db, log: deps.log, settings }),
    scheduler,
    close: () => scheduler.close(),
  };
}
