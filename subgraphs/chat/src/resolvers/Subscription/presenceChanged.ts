import { decodeId, refreshLoaders } from '@mosaic/kit';
import type { Context } from '../../context';
import type { PresencePayload } from '../../domain/events';
import { openPresenceEvents } from '../../domain/presence';
import type { SubscriptionResolvers } from '../../resolvers.generated';

export const presenceChanged: NonNullable<SubscriptionResolvers['presenceChanged']> = {
  subscribe: (_parent, args, ctx) => openPresenceEvents(ctx, decodeId('Room', args.roomId, 'roomId')),
  resolve: (event: PresencePayload, _args: unknown, ctx: Context) => {
    refreshLoaders(ctx.loaders);
    return event;
  },
};
