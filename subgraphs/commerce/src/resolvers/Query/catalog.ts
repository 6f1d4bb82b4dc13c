import { decodeId } from '@mosaic/kit';
import { rootCategories } from '../../domain/catalog/categories';
import { findProduct, findProductBySlugFor } from '../../domain/catalog/products';
import { listProducts } from '../../domain/catalog/search';
import type { QueryResolvers } from '../../resolvers.generated';
import { privateUnlessActive } from '../cache-hint';

export const catalogQueries: Pick<QueryResolvers, 'products' | 'product' | 'productBySlug' | 'categories' | 'category' | 'shippingMethods'> = {
  products: (_parent, args, ctx) => listProducts(ctx, args),
  product: (_parent, args, ctx, info) => privateUnlessActive(info, findProduct(ctx, decodeId('Product', args.id))),
  productBySlug: (_parent, args, ctx, info) => privateUnlessActive(info, findProductBySlugFor(ctx, args.slug)),
  categories: (_parent, _args, ctx) => rootCategories(ctx),
  category: (_parent, args, ctx) => ctx.loaders.categoryById.load(decodeId('Category', args.id)),
  shippingMethods: (_parent, _args, ctx) => ctx.settings.shippingMethods.map((method) => ({ method, currency: ctx.settings.currency })),
};
