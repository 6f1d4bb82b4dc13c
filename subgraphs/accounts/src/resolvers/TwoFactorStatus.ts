import type { TwoFactorStatusResolvers } from '../resolvers.generated';

export const TwoFactorStatus: TwoFactorStatusResolvers = {
  enabled: (state) => state.enabledAt !== null,
};
