import { decodeId } from '@mosaic/kit';
import type { Context } from '../../context';
import type { TypingPayload } from '../../domain/events';
import { openTypingEvents, toTypingEvent } from '../../domain/live';
import type { SubscriptionResolvers } from '../../resolvers.generated';

export const typing: NonNullable<SubscriptionResolvers['typing']> = {
  subscribe: (_parent, args, ctx) => openTypingEvents(ctx, decodeId('Room', args.roomId, 'roomId')),
  resolve: (event: TypingPayload, _args: unknown, ctx: Context) => toTypingEvent(ctx, event),
};
