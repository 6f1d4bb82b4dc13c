import { decodeId } from '@mosaic/kit';
import { rearmPriceAlert as rearm } from '../../domain/alerts/alerts';
import type { MutationResolvers } from '../../resolvers.generated';

export const rearmPriceAlert: NonNullable<MutationResolvers['rearmPriceAlert']> = (_parent, args, ctx) => rearm(ctx, decodeId('PriceAlert', args.id));
