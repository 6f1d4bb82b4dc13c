import type { PlanResolvers } from '../resolvers.generated';

export const Plan: PlanResolvers = {
  storageBytes: (plan) => (plan.storageBytes === null ? null : plan.storageBytes.toString()),
};
