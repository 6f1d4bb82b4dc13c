import { userReference } from '@mosaic/kit';
import type { NoteShareResolvers } from '../resolvers.generated';

export const NoteShare: NoteShareResolvers = {
  user: (share) => userReference(share.userId),
  role: (share) => (share.role === 'editor' ? 'EDITOR' : 'VIEWER'),
};
