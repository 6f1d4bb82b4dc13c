import { decodeId } from '@mosaic/kit';
import { changeMemberRole as changeRole } from '../../domain/members';
import { roleFromGraphQL } from '../../domain/roles';
import type { MutationResolvers } from '../../resolvers.generated';

export const changeMemberRole: NonNullable<MutationResolvers['changeMemberRole']> = (_parent, args, ctx) =>
  changeRole(ctx, decodeId('Organization', args.organizationId), decodeId('User', args.userId), roleFromGraphQL(args.role));
