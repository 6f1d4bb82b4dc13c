import { decodeId } from '@mosaic/kit';
import { addComment as add, deleteComment as remove, editComment as edit, moderateComment as moderate } from '../../domain/comments';
import type { MutationResolvers } from '../../resolvers.generated';

type M = MutationResolvers;

export const addComment: NonNullable<M['addComment']> = (_parent, { input }, ctx) =>
  add(ctx, {
    postId: decodeId('Post', input.postId, 'input.postId'),
    parentId: input.parentId ? decodeId('Comment', input.parentId, 'input.parentId') : null,
    bodyMarkdown: input.bodyMarkdown,
  });
export const editComment: NonNullable<M['editComment']> = (_parent, args, ctx) => edit(ctx, decodeId('Comment', args.id), args.bodyMarkdown);
export const deleteComment: NonNullable<M['deleteComment']> = (_parent, args, ctx) => remove(ctx, decodeId('Comment', args.id));
export const moderateComment: NonNullable<M['moderateComment']> = (_parent, args, ctx) => moderate(ctx, decodeId('Comment', args.id), args.decision);
