import { candleStream } from '../../domain/live/live-streams';
import type { CandleView } from '../../domain/live/views';
import type { SubscriptionResolvers } from '../../resolvers.generated';

export const candles: NonNullable<SubscriptionResolvers['candles']> = {
  subscribe: (_parent, args, ctx) => candleStream(ctx, args.symbol, args.interval),
  resolve: (payload: CandleView) => payload,
};
