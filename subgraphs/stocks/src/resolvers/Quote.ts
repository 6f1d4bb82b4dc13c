import { percentChange } from '../domain/prices';
import type { QuoteResolvers } from '../resolvers.generated';

export const Quote: QuoteResolvers = {
  instrument: (quote, _args, ctx) => ctx.catalog.get(quote.symbol)!,
  change: (quote) => (quote.previousClose === null ? null : quote.last - quote.previousClose),
  changePercent: (quote) => percentChange(quote.previousClose, quote.last),
};
