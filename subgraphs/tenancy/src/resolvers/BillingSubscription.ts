import type { BillingSubscriptionResolvers, SubscriptionStatus } from '../resolvers.generated';

export const BillingSubscription: BillingSubscriptionResolvers = {
  status: (row) => row.status.toUpperCase() as SubscriptionStatus,
  lastProrationMinor: (row) => (row.lastProrationMinor === null ? null : row.lastProrationMinor.toString()),
};
