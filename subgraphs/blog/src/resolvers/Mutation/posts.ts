import { decodeId } from '@mosaic/kit';
import { createPost as create, restoreRevision, updatePost as update } from '../../domain/posts';
import { archivePost as archive, publishPost as publish, schedulePost as schedule, unpublishPost as unpublish } from '../../domain/post-status';
import type { MutationResolvers } from '../../resolvers.generated';

type M = MutationResolvers;

export const createPost: NonNullable<M['createPost']> = (_parent, args, ctx) => create(ctx, args.input);
export const updatePost: NonNullable<M['updatePost']> = (_parent, args, ctx) => update(ctx, decodeId('Post', args.id), args.input);
export const publishPost: NonNullable<M['publishPost']> = (_parent, args, ctx) => publish(ctx, decodeId('Post', args.id));
export const schedulePost: NonNullable<M['schedulePost']> = (_parent, args, ctx) => schedule(ctx, decodeId('Post', args.id), args.at);
export const unpublishPost: NonNullable<M['unpublishPost']> = (_parent, args, ctx) => unpublish(ctx, decodeId('Post', args.id));
export const archivePost: NonNullable<M['archivePost']> = (_parent, args, ctx) => archive(ctx, decodeId('Post', args.id));
export const restorePostRevision: NonNullable<M['restorePostRevision']> = (_parent, args, ctx) => restoreRevision(ctx, decodeId('Post', args.postId, 'postId'), args.number);
