import { decodeId } from '@mosaic/kit';
import { startCheckout as run } from '../../domain/billing';
import type { MutationResolvers } from '../../resolvers.generated';

export const startCheckout: NonNullable<MutationResolvers['startCheckout']> = (_parent, args, ctx) => run(ctx, decodeId('Organization', args.organizationId), args.plan);
