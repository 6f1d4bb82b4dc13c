import { decodeId } from '@mosaic/kit';
import { findOwnProduct } from '../../domain/products';
import type { QueryResolvers } from '../../resolvers.generated';

export const product: NonNullable<QueryResolvers['product']> = (_parent, args, ctx) => findOwnProduct(ctx, decodeId('Product', args.id));
