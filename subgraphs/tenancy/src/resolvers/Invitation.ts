import { encodeId, userReference } from '@mosaic/kit';
import { roleToGraphQL } from '../domain/roles';
import type { InvitationResolvers } from '../resolvers.generated';

export const Invitation: InvitationResolvers = {
  id: (row) => encodeId('Invitation', row.id),
  role: (row) => roleToGraphQL(row.role),
  invitedBy: (row) => userReference(row.invitedBy),
};
