import { decodeId, encodeId, userReference } from '@mosaic/kit';
import { findOwnOrganization } from '../domain/organizations';
import type { OrganizationResolvers } from '../resolvers.generated';

export const Organization: OrganizationResolvers = {
  // `_entities` applies the same rule as `Query.organization`: only the owner resolves it; others get null.
  __resolveReference: (reference, ctx) => findOwnOrganization(ctx, decodeId('Organization', reference.id)),
  id: (row) => encodeId('Organization', row.id),
  owner: (row) => userReference(row.ownerId),
};
