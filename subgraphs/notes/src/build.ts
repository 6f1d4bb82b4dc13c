import { createSubgraph, deadLetterAdminResolvers, mergeResolvers, tenantDb, tenantScopeOf, type BuildDeps, type BuiltSubgraph } from '@mosaic/kit';
import { AttachmentTickets, projectFileOwners } from '@mosaic/files/attachments';
import type { Context } from './context';
import { createAttachmentLoaders } from './data/attachment-loaders';
import { fileOwners } from './data/attachment-tables';
import { accountEvents } from '@mosaic/accounts/events';
import { createLoaders } from './data/loaders';
import { forgetDeletedAccount } from './domain/account-deleted';
import { keepSince } from './domain/revision-recording';
import type { NotesSettings } from './env';
import { sharedNotePages } from './public/shared-note-page';
import { resolvers } from './resolvers';
import { attachmentResolvers } from './resolvers/attachments';

/**
 * Notes needs no `@policy` of its own: a `User` parent here is the gateway's representation `{ id }`
 * with the public id, which is exactly what kit's standard `self` compares, and `admin` reads the
 * token's roles. Note ownership is a rule of the domain functions (someone else's note must look
 * missing, not forbidden).
 */
export function buildSubgraph(deps: BuildDeps, settings: NotesSettings): BuiltSubgraph {
  deps.events.on(accountEvents, 'account.deleted', forgetDeletedAccount, { group: 'account-deleted' });
  // Who owns which file, so notes attach only one's own (docs/adr/0012-file-attachments.md).
  projectFileOwners(deps.events, fileOwners);
  const tickets = new AttachmentTickets(settings.attachments.ticketSecret);
  const subgraph = createSubgraph<Context>({
    deps,
    resolvers: mergeResolvers(mergeResolvers(resolvers, attachmentResolvers), deadLetterAdminResolvers(deps.name, deps.events)),
    context: (base) => {
      // Row-level security: every statement of this request runs bound to the verified token's user and organisation.
      const db = tenantDb(deps.db, tenantScopeOf(base.auth));
      return { ...base, db, linkDb: deps.db, now: deps.now, pubsub: deps.pubsub, settings, tickets, attachmentLoaders: createAttachmentLoaders(db), loaders: createLoaders(db, base.viewer?.userId ?? null, keepSince({ now: deps.now, settings })) };
    },
  });
  return { subgraph, publicHttp: sharedNotePages({ db: deps.db, log: deps.log, now: deps.now, tickets, settings }) };
}
