import { decodeId } from '@mosaic/kit';
import { markThreadRead as mark } from '../../domain/threads';
import type { MutationResolvers } from '../../resolvers.generated';

export const markThreadRead: NonNullable<MutationResolvers['markThreadRead']> = (_parent, args, ctx) =>
  mark(ctx, decodeId('Message', args.messageId, 'messageId'), args.upToMessageId ? decodeId('Message', args.upToMessageId, 'upToMessageId') : null);
