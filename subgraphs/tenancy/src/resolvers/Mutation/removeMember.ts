import { decodeId } from '@mosaic/kit';
import { removeMember as remove } from '../../domain/members';
import type { MutationResolvers } from '../../resolvers.generated';

export const removeMember: NonNullable<MutationResolvers['removeMember']> = (_parent, args, ctx) => remove(ctx, decodeId('Organization', args.organizationId), decodeId('User', args.userId));
