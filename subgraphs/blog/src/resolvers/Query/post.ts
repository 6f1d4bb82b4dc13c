import { decodeId } from '@mosaic/kit';
import { findVisiblePost } from '../../domain/post-queries';
import type { QueryResolvers } from '../../resolvers.generated';

export const post: NonNullable<QueryResolvers['post']> = (_parent, args, ctx) => findVisiblePost(ctx, decodeId('Post', args.id));
