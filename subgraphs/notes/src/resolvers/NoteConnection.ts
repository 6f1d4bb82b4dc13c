import { countNotesOf } from '../domain/list-notes';
import type { NoteConnectionResolvers } from '../resolvers.generated';

export const NoteConnection: NoteConnectionResolvers = {
  totalCount: (page, _args, ctx) => countNotesOf(ctx, page.scope),
};
