import type { StatementResolvers } from '../resolvers.generated';

export const Statement: StatementResolvers = {
  currency: (statement) => statement.account.currency,
};
