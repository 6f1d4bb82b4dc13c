import { decodeId, encodeId, userReference } from '@mosaic/kit';
import { findVisibleComment, listThread } from '../domain/comments';
import type { CommentResolvers } from '../resolvers.generated';

export const Comment: CommentResolvers = {
  __resolveReference: (reference, ctx) => findVisibleComment(ctx, decodeId('Comment', reference.id)),
  id: (row) => encodeId('Comment', row.id),
  post: async (row, _args, ctx) => (await ctx.loaders.postById.load(row.postId))!,
  author: (row) => userReference(row.authorId),
  parent: (row, _args, ctx) => (row.parentId ? findVisibleComment(ctx, row.parentId) : null),
  status: (row) => row.status.toUpperCase() as Uppercase<typeof row.status>,
  deleted: (row) => row.deletedAt !== null,
  viewerHasLiked: (row, _args, ctx) => ctx.loaders.viewerLikesComment.load(row.id),
  replies: (row, args, ctx) => listThread(ctx, 'replies', row.id, args),
};
