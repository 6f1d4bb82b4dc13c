import { decodeId } from '@mosaic/kit';
import type { Context } from '../../context';
import { openCommentAdded, toAddedComment, type CommentAddedPayload } from '../../domain/live';
import type { SubscriptionResolvers } from '../../resolvers.generated';

export const commentAdded: NonNullable<SubscriptionResolvers['commentAdded']> = {
  /** The post must be published (checked per subscriber: the gateway's admission runs exactly this). */
  subscribe: (_parent, args, ctx) => openCommentAdded(ctx, decodeId('Post', args.postId, 'postId')),
  resolve: (event: CommentAddedPayload, _args: unknown, ctx: Context) => toAddedComment(ctx, event),
};
