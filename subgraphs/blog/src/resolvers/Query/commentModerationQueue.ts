import { moderationQueue } from '../../domain/comments';
import type { QueryResolvers } from '../../resolvers.generated';

export const commentModerationQueue: NonNullable<QueryResolvers['commentModerationQueue']> = (_parent, args, ctx) => moderationQueue(ctx, args);
