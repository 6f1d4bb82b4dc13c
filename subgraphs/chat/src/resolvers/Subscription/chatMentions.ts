import type { Context } from '../../context';
import type { MessageRow } from '../../data/tables';
import { openMentionStream, toMentionedMessage } from '../../domain/live-mentions';
import type { SubscriptionResolvers } from '../../resolvers.generated';

export const chatMentions: NonNullable<SubscriptionResolvers['chatMentions']> = {
  subscribe: (_parent, _args, ctx) => openMentionStream(ctx),
  resolve: (message: MessageRow, _args: unknown, ctx: Context) => toMentionedMessage(ctx, message),
};
