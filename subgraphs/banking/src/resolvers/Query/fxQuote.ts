import { currencyOf } from '../../domain/money';
import type { QueryResolvers } from '../../resolvers.generated';

export const fxQuote: NonNullable<QueryResolvers['fxQuote']> = async (_parent, args, ctx) => {
  ctx.auth.require('banking:read');
  const from = currencyOf(args.from, 'from');
  const to = currencyOf(args.to, 'to');
  return { from, to, ...(await ctx.fx.rate(from, to)) };
};
