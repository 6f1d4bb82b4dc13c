import { decodeId, encodeId, userReference } from '@mosaic/kit';
import { findOwnPost } from '../domain/posts';
import type { PostResolvers } from '../resolvers.generated';

export const Post: PostResolvers = {
  // `_entities` applies the same rule as `Query.post`: only the owner resolves it; others get null.
  __resolveReference: (reference, ctx) => findOwnPost(ctx, decodeId('Post', reference.id)),
  id: (row) => encodeId('Post', row.id),
  owner: (row) => userReference(row.ownerId),
};
