import type { CurrencyTotalsResolvers } from '../resolvers.generated';

export const CurrencyTotals: CurrencyTotalsResolvers = {
  net: (row) => row.credits - row.debits,
};
