import { decodeId } from '@mosaic/kit';
import { deletePriceAlert as remove } from '../../domain/alerts/alerts';
import type { MutationResolvers } from '../../resolvers.generated';

export const deletePriceAlert: NonNullable<MutationResolvers['deletePriceAlert']> = (_parent, args, ctx) => remove(ctx, decodeId('PriceAlert', args.id));
