import { decodeId } from '@mosaic/kit';
import { billingPortalUrl as run } from '../../domain/billing';
import type { MutationResolvers } from '../../resolvers.generated';

export const billingPortalUrl: NonNullable<MutationResolvers['billingPortalUrl']> = (_parent, args, ctx) => run(ctx, decodeId('Organization', args.organizationId));
