import { decodeId } from '@mosaic/kit';
import { inviteMember as invite } from '../../domain/invitations';
import { roleFromGraphQL } from '../../domain/roles';
import type { MutationResolvers } from '../../resolvers.generated';

export const inviteMember: NonNullable<MutationResolvers['inviteMember']> = (_parent, { input }, ctx) =>
  invite(ctx, { email: input.email, role: roleFromGraphQL(input.role), organizationId: decodeId('Organization', input.organizationId) });
