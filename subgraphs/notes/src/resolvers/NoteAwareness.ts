import { encodeId, userReference } from '@mosaic/kit';
import type { NoteAwarenessResolvers } from '../resolvers.generated';

export const NoteAwareness: NoteAwarenessResolvers = {
  noteId: (event) => encodeId('Note', event.noteId),
  user: (event) => userReference(event.userId),
  name: (event) => (event.kind === 'PRESENT' ? event.name : null),
  color: (event) => (event.kind === 'PRESENT' ? event.color : null),
  cursor: (event) => (event.kind === 'PRESENT' ? event.cursor : null),
  expiresAt: (event) => (event.kind === 'PRESENT' ? new Date(event.expiresAt) : null),
};
