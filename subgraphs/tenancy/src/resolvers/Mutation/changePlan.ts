import { decodeId } from '@mosaic/kit';
import { changePlan as run } from '../../domain/billing';
import type { MutationResolvers } from '../../resolvers.generated';

export const changePlan: NonNullable<MutationResolvers['changePlan']> = (_parent, args, ctx) => run(ctx, decodeId('Organization', args.organizationId), args.plan);
