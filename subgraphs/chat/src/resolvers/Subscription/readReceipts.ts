import { decodeId, refreshLoaders } from '@mosaic/kit';
import type { Context } from '../../context';
import type { ReadReceiptPayload } from '../../domain/events';
import { openReadReceipts } from '../../domain/read-receipts';
import type { SubscriptionResolvers } from '../../resolvers.generated';

export const readReceipts: NonNullable<SubscriptionResolvers['readReceipts']> = {
  subscribe: (_parent, args, ctx) => openReadReceipts(ctx, decodeId('Room', args.roomId, 'roomId')),
  resolve: (event: ReadReceiptPayload, _args: unknown, ctx: Context) => {
    refreshLoaders(ctx.loaders);
    return event;
  },
};
