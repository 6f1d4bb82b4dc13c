import { userReference } from '@mosaic/kit';
import { roleToGraphQL } from '../domain/roles';
import type { MembershipResolvers } from '../resolvers.generated';

export const Membership: MembershipResolvers = {
  // The viewer can see this membership, so they are a member of its organisation (or an admin listing a user's).
  organization: async (row, _args, ctx) => (await ctx.loaders.organizationById.load(row.organizationId))!,
  user: (row) => userReference(row.userId),
  role: (row) => roleToGraphQL(row.role),
};
