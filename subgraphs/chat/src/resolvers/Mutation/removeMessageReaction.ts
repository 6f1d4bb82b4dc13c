import { decodeId } from '@mosaic/kit';
import { removeReaction } from '../../domain/reactions';
import type { MutationResolvers } from '../../resolvers.generated';

export const removeMessageReaction: NonNullable<MutationResolvers['removeMessageReaction']> = (_parent, args, ctx) =>
  removeReaction(ctx, decodeId('Message', args.messageId, 'messageId'), args.emoji);
