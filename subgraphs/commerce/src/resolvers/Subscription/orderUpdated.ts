import { decodeId } from '@mosaic/kit';
import type { Context } from '../../context';
import { openOrderUpdates, orderOfEvent, type OrderLivePayload } from '../../domain/orders/live';
import type { SubscriptionResolvers } from '../../resolvers.generated';

export const orderUpdated: NonNullable<SubscriptionResolvers['orderUpdated']> = {
  subscribe: (_parent, args, ctx) => openOrderUpdates(ctx, args.orderId ? decodeId('Order', args.orderId, 'orderId') : null),
  resolve: (event: OrderLivePayload, _args: unknown, ctx: Context) => orderOfEvent(ctx, event),
};
