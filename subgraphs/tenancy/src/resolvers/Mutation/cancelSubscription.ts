import { decodeId } from '@mosaic/kit';
import { cancelSubscription as run } from '../../domain/billing';
import type { MutationResolvers } from '../../resolvers.generated';

export const cancelSubscription: NonNullable<MutationResolvers['cancelSubscription']> = (_parent, args, ctx) => run(ctx, decodeId('Organization', args.organizationId));
