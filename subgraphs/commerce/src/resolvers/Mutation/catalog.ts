import { decodeId } from '@mosaic/kit';
import { createCategory } from '../../domain/catalog/categories';
import { addVariant, adjustStock, createProduct, updateProduct, updateVariant } from '../../domain/catalog/products';
import { createPromotion, setActive } from '../../domain/checkout/promotions';
import type { MutationResolvers } from '../../resolvers.generated';

export const catalogMutations: Pick<
  MutationResolvers,
  'createCategory' | 'createProduct' | 'updateProduct' | 'addProductVariant' | 'updateVariant' | 'adjustStock' | 'createPromotion' | 'setPromotionActive'
> = {
  createCategory: (_parent, args, ctx) => createCategory(ctx, args.input),
  createProduct: (_parent, args, ctx) => createProduct(ctx, args.input),
  updateProduct: (_parent, args, ctx) => updateProduct(ctx, decodeId('Product', args.id, 'id'), args.input),
  addProductVariant: (_parent, args, ctx) => addVariant(ctx, decodeId('Product', args.productId, 'productId'), args.input),
  updateVariant: (_parent, args, ctx) => updateVariant(ctx, decodeId('ProductVariant', args.id, 'id'), args.input),
  adjustStock: (_parent, args, ctx) => adjustStock(ctx, decodeId('ProductVariant', args.variantId, 'variantId'), args.delta),
  createPromotion: (_parent, args, ctx) => createPromotion(ctx, args.input),
  setPromotionActive: (_parent, args, ctx) => setActive(ctx, decodeId('Promotion', args.id, 'id'), args.active),
};
