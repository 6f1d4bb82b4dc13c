import { decodeId } from '@mosaic/kit';
import { findOwnPost } from '../../domain/posts';
import type { QueryResolvers } from '../../resolvers.generated';

export const post: NonNullable<QueryResolvers['post']> = (_parent, args, ctx) => findOwnPost(ctx, decodeId('Post', args.id));
