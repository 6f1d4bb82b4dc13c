import { createSubgraph, deadLetterAdminResolvers, mergeResolvers, type BuildDeps, type BuiltSubgraph } from '@mosaic/kit';
import { accountEvents } from '@mosaic/accounts/events';
import { AttachmentTickets, projectFileOwners } from '@mosaic/files/attachments';
import type { Context } from './context';
import { createAttachmentLoaders } from './data/attachment-loaders';
import { fileOwners } from './data/attachment-tables';
import { createLoaders } from './data/loaders';
import { forgetDeletedAccount } from './domain/account-deleted';
import { fanOutToLiveStreams, LIVE_EVENT_TYPES } from './domain/events';
import { LinkPreviewer } from './domain/link-previews';
import { PresenceTracker } from './domain/presence-tracker';
import type { ChatSettings } from './env';
import { chatEvents } from './events';
import { resolvers } from './resolvers';

/**
 * Chat needs no `@policy` of its own: `User.chatRooms` uses kit's standard `self` (a `User` parent
 * here is the gateway's representation `{ id }` with the public id). Room rules (public/private,
 * member, owner) depend on data, so they live in the domain functions (`domain/room-access.ts`),
 * not in directives — which also keeps the types reachable from live events free of directives.
 */
export interface BuiltChat extends BuiltSubgraph {
  /** For tests: the link preview queue (`settled()`). */
  previews: LinkPreviewer;
  /** For tests: presence (`sweep()` after moving the clock). */
  presence: PresenceTracker;
  close: () => Promise<void>;
}

export function buildSubgraph(deps: BuildDeps, settings: ChatSettings): BuiltChat {
  const events = deps.events.outbox(chatEvents);
  const previews = new LinkPreviewer({ db: deps.db, log: deps.log, events, now: deps.now, settings: settings.previews });
  // Live streams are fed by the relay, so a committed message always reaches them, in order per room.
  deps.events.on(chatEvents, LIVE_EVENT_TYPES, fanOutToLiveStreams(deps.pubsub), { group: 'live', inbox: false, retryInPlace: true });
  const presence = new PresenceTracker({ caches: deps.caches, pubsub: deps.pubsub, db: deps.db, log: deps.log, now: deps.now });
  const readPresence = (userIds: readonly string[]) => presence.statuses(userIds);
  const receipts = { readReceiptsMaxMembers: settings.readReceiptsMaxMembers };
  // Who owns which file, so messages attach only their author's own (docs/adr/0012-file-attachments.md).
  projectFileOwners(deps.events, fileOwners);
  const tickets = new AttachmentTickets(settings.attachmentTicketSecret);
  deps.events.on(accountEvents, 'account.deleted', forgetDeletedAccount(events, deps.now), { group: 'account-deleted' });
  const subgraph = createSubgraph<Context>({
    deps,
    resolvers: mergeResolvers(resolvers, deadLetterAdminResolvers(deps.name, deps.events)),
    context: (base) => ({ ...base, db: deps.db, pubsub: deps.pubsub, events, now: deps.now, previews, presence, tickets, settings: receipts, loaders: createLoaders(deps.db, base.viewer?.userId ?? null, readPresence), attachmentLoaders: createAttachmentLoaders(deps.db) }),
  });
  return {
    subgraph,
    previews,
    presence,
    close: async () => {
      presence.close();
      await previews.close();
    },
  };
}
