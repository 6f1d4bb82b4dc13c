import { trending as trendingItems } from '../../domain/recommend';
import type { QueryResolvers } from '../../resolvers.generated';

export const trending: NonNullable<QueryResolvers['trending']> = (_parent, args, ctx) => trendingItems(ctx, args.kind, args.first);
