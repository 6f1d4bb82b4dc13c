import { createSubgraph, deadLetterAdminResolvers, mergeResolvers, tenantDb, tenantScopeOf, type BuildDeps, type BuiltSubgraph } from '@mosaic/kit';
import type { Context } from './context';
import { accountEvents } from '@mosaic/accounts/events';
import { createLoaders } from './data/loaders';
import { forgetDeletedAccount } from './domain/account-deleted';
import { keepSince } from './domain/revision-recording';
import type { NotesSettings } from './env';
import { sharedNotePages } from './public/shared-note-page';
import { resolvers } from './resolvers';

/**
 * Notes needs no `@policy` of its own: a `User` parent here is the gateway's representation `{ id }`
 * with the public id, which is exactly what kit's standard `self` compares, and `admin` reads the
 * token's roles. Note ownership is a rule of the domain functions (someone else's note must look
 * missing, not forbidden).
 */
export function buildSubgraph(deps: BuildDeps, settings: NotesSettings): BuiltSubgraph {
  deps.events.on(accountEvents, 'account.deleted', forgetDeletedAccount, { group: 'account-deleted' });
  const subgraph = createSubgraph<Context>({
    deps,
    resolvers: mergeResolvers(resolvers, deadLetterAdminResolvers(deps.name, deps.events)),
    context: (base) => {
      // Row-level security: every statement of this request runs bound to the verified token's user and organisation.
      const db = tenantDb(deps.db, tenantScopeOf(base.auth));
      return { ...base, db, linkDb: deps.db, now: deps.now, pubsub: deps.pubsub, settings, loaders: createLoaders(db, base.viewer?.userId ?? null, keepSince({ now: deps.now, settings })) };
    },
  });
  return { subgraph, publicHttp: sharedNotePages({ db: deps.db, log: deps.log, now: deps.now }) };
}
