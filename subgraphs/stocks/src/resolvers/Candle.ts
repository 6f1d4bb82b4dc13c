import { candleEnd } from '../domain/candle-history';
import type { CandleResolvers } from '../resolvers.generated';

export const Candle: CandleResolvers = {
  end: (candle) => candleEnd(candle),
};
