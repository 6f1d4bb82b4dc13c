import { findPostBySlug } from '../../domain/post-queries';
import type { QueryResolvers } from '../../resolvers.generated';

export const postBySlug: NonNullable<QueryResolvers['postBySlug']> = (_parent, args, ctx) => findPostBySlug(ctx, args.slug);
