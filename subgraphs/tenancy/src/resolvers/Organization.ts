import { decodeId, encodeId } from '@mosaic/kit';
import { subscriptionOf } from '../domain/billing';
import { pendingInvitations } from '../domain/invitations';
import { auditLog, listMembers } from '../domain/members';
import { findOrganization, requireMembership } from '../domain/organizations';
import { planOf } from '../domain/plans';
import { roleToGraphQL } from '../domain/roles';
import { usageOf } from '../domain/usage';
import type { OrganizationResolvers } from '../resolvers.generated';

export const Organization: OrganizationResolvers = {
  // `_entities` applies the same rule as `Query.organization`: members resolve it; others get null.
  __resolveReference: (reference, ctx) => findOrganization(ctx, decodeId('Organization', reference.id)),
  id: (row) => encodeId('Organization', row.id),
  members: (row, _args, ctx) => listMembers(ctx, row.id),
  viewerRole: async (row, _args, ctx) => roleToGraphQL((await requireMembership(ctx, row.id)).role),
  pendingInvitations: (row, _args, ctx) => pendingInvitations(ctx, row.id),
  auditLog: (row, args, ctx) => auditLog(ctx, row.id, args.first ?? 20),
  plan: (row) => planOf(row.plan),
  subscription: (row, _args, ctx) => subscriptionOf(ctx, row.id),
  usage: (row, _args, ctx) => usageOf(ctx, row),
};
