import { decodeId } from '@mosaic/kit';
import { transferOwnership as transfer } from '../../domain/members';
import type { MutationResolvers } from '../../resolvers.generated';

export const transferOwnership: NonNullable<MutationResolvers['transferOwnership']> = (_parent, args, ctx) => transfer(ctx, decodeId('Organization', args.organizationId), decodeId('User', args.toUserId));
