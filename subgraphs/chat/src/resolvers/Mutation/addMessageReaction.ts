import { decodeId } from '@mosaic/kit';
import { addReaction } from '../../domain/reactions';
import type { MutationResolvers } from '../../resolvers.generated';

export const addMessageReaction: NonNullable<MutationResolvers['addMessageReaction']> = (_parent, args, ctx) =>
  addReaction(ctx, decodeId('Message', args.messageId, 'messageId'), args.emoji);
