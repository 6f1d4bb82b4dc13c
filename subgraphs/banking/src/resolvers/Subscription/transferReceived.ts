import type { Context } from '../../context';
import { openTransferReceived, resolveTransferReceived, type TransferReceivedPayload } from '../../domain/live';
import type { SubscriptionResolvers } from '../../resolvers.generated';

export const transferReceived: NonNullable<SubscriptionResolvers['transferReceived']> = {
  subscribe: (_parent, _args, ctx) => openTransferReceived(ctx),
  resolve: (payload: TransferReceivedPayload, _args: unknown, ctx: Context) => resolveTransferReceived(ctx, payload),
};
