import { decodeId, encodeId } from '@mosaic/kit';
import { findProduct } from '../domain/catalog/products';
import { isCatalogStaff } from '../domain/access';
import type { CategoryResolvers, ProductResolvers, ProductVariantResolvers } from '../resolvers.generated';
import { privateUnlessActive } from './cache-hint';
import { money } from './money';

const available = (row: { stockOnHand: number; reserved: number }) => Math.max(0, row.stockOnHand - row.reserved);

export const Product: ProductResolvers = {
  // `_entities` (recommendations referencing a product) applies the catalog's visibility rule.
  __resolveReference: (reference, ctx, info) => privateUnlessActive(info, findProduct(ctx, decodeId('Product', reference.id))),
  id: (row) => encodeId('Product', row.id),
  category: (row, _args, ctx) => (row.categoryId ? ctx.loaders.categoryById.load(row.categoryId) : null),
  images: (row) => row.imageUrls,
  variants: (row, _args, ctx) => ctx.loaders.variantsOfProduct.load(row.id),
  priceRange: async (row, _args, ctx) => {
    const variants = await ctx.loaders.variantsOfProduct.load(row.id);
    if (variants.length === 0) return null;
    const prices = variants.map((v) => v.priceMinor);
    const currency = variants[0]!.currency;
    return { min: money(Math.min(...prices), currency), max: money(Math.max(...prices), currency) };
  },
  inStock: async (row, _args, ctx) => (await ctx.loaders.variantsOfProduct.load(row.id)).some((v) => available(v) > 0),
};

export const ProductVariant: ProductVariantResolvers = {
  id: (row) => encodeId('ProductVariant', row.id),
  options: (row) => Object.entries(row.options).map(([name, value]) => ({ name, value })),
  price: (row) => money(row.priceMinor, row.currency),
  available: (row) => available(row),
  inStock: (row) => available(row) > 0,
  product: async (row, _args, ctx) => (await ctx.loaders.productById.load(row.productId))!,
  // @requiresScopes guards the edge; the check here keeps the rule wherever the row travels.
  inventory: (row, _args, ctx) => (isCatalogStaff(ctx.auth) ? { onHand: row.stockOnHand, reserved: row.reserved, lowStockThreshold: row.lowStockThreshold } : null),
};

export const Category: CategoryResolvers = {
  id: (row) => encodeId('Category', row.id),
  parent: (row, _args, ctx) => (row.parentId ? ctx.loaders.categoryById.load(row.parentId) : null),
  children: (row, _args, ctx) => ctx.loaders.childCategories.load(row.id),
};
