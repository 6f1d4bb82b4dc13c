import { decodeId, encodeId, userReference } from '@mosaic/kit';
import { noteHtml } from '../domain/attachments/read';
import { visibleNote } from '../domain/notes';
import { notebookOfNote } from '../domain/notebooks';
import { listRevisions } from '../domain/revisions';
import { shareLinksOf } from '../domain/share-links';
import { sharesOf, viewerAccessOf } from '../domain/sharing';
import type { NoteResolvers } from '../resolvers.generated';

const ACCESS = { owner: 'OWNER', editor: 'EDITOR', viewer: 'VIEWER' } as const;

export const Note: NoteResolvers = {
  /** `_entities`: the same rule as `Query.note` — the owner's note, or the active organisation's; anything else is null. */
  __resolveReference: (reference, ctx) => visibleNote(ctx, decodeId('Note', reference.id)),
  id: (note) => encodeId('Note', note.id),
  html: (note, _args, ctx) => noteHtml(ctx, note),
  archived: (note) => note.archivedAt !== null,
  owner: (note) => userReference(note.ownerId),
  viewerAccess: async (note, _args, ctx) => ACCESS[await viewerAccessOf(ctx, note)],
  shares: (note, _args, ctx) => sharesOf(ctx, note),
  notebook: (note, _args, ctx) => notebookOfNote(ctx, note),
  shareLinks: (note, _args, ctx) => shareLinksOf(ctx, note),
  revisions: (note, args, ctx) => listRevisions(ctx, note, { first: args.first, before: args.before ? decodeId('NoteRevision', args.before, 'before') : null }),
  organization: (note) => (note.tenantId ? { id: encodeId('Organization', note.tenantId) } : null),
};
