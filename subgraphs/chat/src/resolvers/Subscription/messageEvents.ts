import { decodeId } from '@mosaic/kit';
import type { Context } from '../../context';
import type { MessageEventPayload } from '../../domain/events';
import { openMessageEvents, toMessageEvent } from '../../domain/live';
import type { SubscriptionResolvers } from '../../resolvers.generated';

export const messageEvents: NonNullable<SubscriptionResolvers['messageEvents']> = {
  /** Access is checked here, with the subscriber's own token (the gateway's admission runs exactly this). */
  subscribe: (_parent, args, ctx) => openMessageEvents(ctx, decodeId('Room', args.roomId, 'roomId'), args.after ? decodeId('Message', args.after, 'after') : null),
  resolve: (event: MessageEventPayload, _args: unknown, ctx: Context) => toMessageEvent(ctx, event),
};
