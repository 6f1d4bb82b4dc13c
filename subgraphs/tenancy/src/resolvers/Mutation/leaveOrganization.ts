import { decodeId } from '@mosaic/kit';
import { leaveOrganization as leave } from '../../domain/members';
import type { MutationResolvers } from '../../resolvers.generated';

export const leaveOrganization: NonNullable<MutationResolvers['leaveOrganization']> = (_parent, args, ctx) => leave(ctx, decodeId('Organization', args.organizationId));
