import { decodeId, encodeId, userReference } from '@mosaic/kit';
import { findOwnProduct } from '../domain/products';
import type { ProductResolvers } from '../resolvers.generated';

export const Product: ProductResolvers = {
  // `_entities` applies the same rule as `Query.product`: only the owner resolves it; others get null.
  __resolveReference: (reference, ctx) => findOwnProduct(ctx, decodeId('Product', reference.id)),
  id: (row) => encodeId('Product', row.id),
  owner: (row) => userReference(row.ownerId),
};
