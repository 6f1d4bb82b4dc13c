import { decodeId, encodeId, userReference } from '@mosaic/kit';
import { visibleNote } from '../domain/notes';
import type { NoteResolvers } from '../resolvers.generated';

export const Note: NoteResolvers = {
  /** `_entities`: the same rule as `Query.note` — the owner's note, or the active organisation's; anything else is null. */
  __resolveReference: (reference, ctx) => visibleNote(ctx, decodeId('Note', reference.id)),
  id: (note) => encodeId('Note', note.id),
  archived: (note) => note.archivedAt !== null,
  owner: (note) => userReference(note.ownerId),
  organization: (note) => (note.tenantId ? { id: encodeId('Organization', note.tenantId) } : null),
};
