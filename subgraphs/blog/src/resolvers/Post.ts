import { decodeId, encodeId, userReference } from '@mosaic/kit';
import { mayEdit } from '../domain/access';
import { postUrl } from '../feed/paths';
import { listThread } from '../domain/comments';
import { findVisiblePost } from '../domain/post-queries';
import { diffRevisions, listRevisions } from '../domain/revisions';
import type { PostResolvers } from '../resolvers.generated';

const upper = <T extends string>(value: T) => value.toUpperCase() as Uppercase<T>;

export const Post: PostResolvers = {
  // `_entities` applies the same rule as `Query.post`: hidden posts resolve to null.
  __resolveReference: (reference, ctx) => findVisiblePost(ctx, decodeId('Post', reference.id)),
  id: (row) => encodeId('Post', row.id),
  author: (row) => userReference(row.authorId),
  url: (row, _args, ctx) => postUrl(ctx.settings, row.slug),
  status: (row) => upper(row.status),
  previousSlugs: async (row, _args, ctx) => (await ctx.loaders.slugsOf.load(row.id)).filter((slug) => slug !== row.slug),
  commentCount: (row, _args, ctx) => ctx.loaders.commentCount.load(row.id),
  viewerHasLiked: (row, _args, ctx) => ctx.loaders.viewerLikesPost.load(row.id),
  viewerCanEdit: (row, _args, ctx) => mayEdit(ctx.auth, row),
  comments: (row, args, ctx) => listThread(ctx, 'top', row.id, args),
  revisions: (row, args, ctx) => listRevisions(ctx, row, args),
  revisionDiff: (row, args, ctx) => diffRevisions(ctx, row, args.from, args.to),
};
