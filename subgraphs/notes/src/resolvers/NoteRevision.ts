import { encodeId, userReference } from '@mosaic/kit';
import type { NoteRevisionResolvers } from '../resolvers.generated';

export const NoteRevision: NoteRevisionResolvers = {
  id: (revision) => encodeId('NoteRevision', revision.id),
  author: (revision) => userReference(revision.authorId),
};
