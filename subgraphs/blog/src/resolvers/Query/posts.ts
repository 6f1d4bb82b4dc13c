import { listPosts } from '../../domain/post-queries';
import type { QueryResolvers } from '../../resolvers.generated';

export const posts: NonNullable<QueryResolvers['posts']> = (_parent, args, ctx) => listPosts(ctx, args.filter, args);
