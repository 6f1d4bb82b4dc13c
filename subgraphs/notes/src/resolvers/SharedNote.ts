import { sharedNoteHtml } from '../domain/attachments/read';
import type { SharedNoteResolvers } from '../resolvers.generated';

export const SharedNote: SharedNoteResolvers = {
  html: (note, _args, ctx) => sharedNoteHtml({ db: ctx.linkDb, tickets: ctx.tickets, settings: ctx.settings, now: ctx.now }, note),
};
