import type { StorageUsageResolvers } from '../resolvers.generated';

export const StorageUsage: StorageUsageResolvers = {
  bytesAvailable: (usage) => Math.max(0, usage.quotaBytes - usage.bytesUsed),
};
