import { decodeId } from '@mosaic/kit';
import { setCommentLike, setPostLike } from '../../domain/likes';
import type { MutationResolvers } from '../../resolvers.generated';

type M = MutationResolvers;

export const likePost: NonNullable<M['likePost']> = (_parent, args, ctx) => setPostLike(ctx, decodeId('Post', args.id), true);
export const unlikePost: NonNullable<M['unlikePost']> = (_parent, args, ctx) => setPostLike(ctx, decodeId('Post', args.id), false);
export const likeComment: NonNullable<M['likeComment']> = (_parent, args, ctx) => setCommentLike(ctx, decodeId('Comment', args.id), true);
export const unlikeComment: NonNullable<M['unlikeComment']> = (_parent, args, ctx) => setCommentLike(ctx, decodeId('Comment', args.id), false);
