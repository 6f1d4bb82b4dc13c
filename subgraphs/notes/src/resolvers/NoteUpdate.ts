import { encodeId, userReference } from '@mosaic/kit';
import type { NoteUpdateResolvers } from '../resolvers.generated';

export const NoteUpdate: NoteUpdateResolvers = {
  noteId: (payload) => encodeId('Note', payload.noteId),
  author: (payload) => (payload.authorId ? userReference(payload.authorId) : null),
};
