import { encodeId, userReference } from '@mosaic/kit';
import type { PostRevisionResolvers } from '../resolvers.generated';

export const PostRevision: PostRevisionResolvers = {
  id: (row) => encodeId('PostRevision', row.id),
  savedBy: (row) => userReference(row.savedBy),
};
