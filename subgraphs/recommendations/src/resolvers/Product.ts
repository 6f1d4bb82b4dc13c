import { decodeId } from '@mosaic/kit';
import { similarTo } from '../domain/recommend';
import type { ProductResolvers } from '../resolvers.generated';

export const Product: ProductResolvers = {
  __resolveReference: (reference) => ({ __typename: 'Product', id: reference.id }),
  similar: (product, args, ctx) => similarTo(ctx, 'PRODUCT', decodeId('Product', product.id), args.first),
};
