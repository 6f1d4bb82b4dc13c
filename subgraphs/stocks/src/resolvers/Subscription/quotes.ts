import { quoteStream } from '../../domain/live/live-streams';
import type { QuoteView } from '../../domain/live/views';
import type { SubscriptionResolvers } from '../../resolvers.generated';

export const quotes: NonNullable<SubscriptionResolvers['quotes']> = {
  subscribe: (_parent, args, ctx) => quoteStream(ctx, args.symbols),
  // Events are the quotes themselves (pub/sub payloads), not `{ quotes: … }`.
  resolve: (payload: QuoteView) => payload,
};
