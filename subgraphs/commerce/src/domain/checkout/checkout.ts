import { ConflictError, encodeId, UserInputError, validate, type Db } from '@mosaic/kit';
import type { Context } from '../../context';
import { findCartLines } from '../../data/carts-repo';
import { findProductsByIds, findVariantsByIds } from '../../data/catalog-repo';
import { findPromotionByCode } from '../../data/promotions-repo';
import type { CartLineRow, VariantRow } from '../../data/tables';
import type { ShippingMethod } from '../../env';
import { resolveCart } from './carts';
import { checkoutInput, type CheckoutInput } from './checkout-input';
import { lineTotal, promotionProblem, quote } from './pricing';
import type { CheckoutQuoteView } from './pricing-types';

export type CheckoutContext = Pick<Context, 'auth' | 'db' | 'loaders' | 'now' | 'settings'>;

export function shippingMethodFor(ctx: Pick<Context, 'settings'>, input: CheckoutInput): ShippingMethod {
  const method = ctx.settings.shippingMethods.find((m) => m.code === input.shippingMethod);
  if (!method) throw new UserInputError(`input.shippingMethod: choose one of ${ctx.settings.shippingMethods.map((m) => m.code).join(', ')}.`, 'input.shippingMethod');
  if (method.countries && !method.countries.includes(input.shippingAddress.country)) {
    throw new UserInputError(`input.shippingMethod: ${method.name} does not ship to ${input.shippingAddress.country}.`, 'input.shippingMethod');
  }
  return method;
}

/**
 * Prices a cart for checkout from the given variant rows (read, or locked by `placeOrder`): every
 * line must still be for sale with enough available, else CONFLICT naming the variants.
 */
export async function priceLines(ctx: CheckoutContext, db: Db, cartLines: CartLineRow[], variants: VariantRow[], input: CheckoutInput): Promise<CheckoutQuoteView> {
  if (cartLines.length === 0) throw new UserInputError('Your cart is empty: add something with addToCart first.');
  const byId = new Map(variants.map((v) => [v.id, v]));
  const products = new Map((await findProductsByIds(db, [...new Set(variants.map((v) => v.productId))])).map((p) => [p.id, p]));
  const unavailable: string[] = [];
  const lines = cartLines.flatMap((line) => {
    const variant = byId.get(line.variantId);
    if (!variant || products.get(variant.productId)?.status !== 'ACTIVE' || variant.stockOnHand - variant.reserved < line.quantity) {
      unavailable.push(line.variantId);
      return [];
    }
    return [{ variant, quantity: line.quantity, lineTotalMinor: lineTotal(variant.priceMinor, line.quantity) }];
  });
  if (unavailable.length) {
    throw new ConflictError('Some items in your cart are no longer available in that quantity; change the cart and try again.', { variantIds: unavailable.map((id) => encodeId('ProductVariant', id)) });
  }
  const currency = ctx.settings.currency;
  const subtotal = lines.reduce((sum, line) => sum + line.lineTotalMinor, 0);
  let promotion = null;
  if (input.promotionCode) {
    promotion = await findPromotionByCode(db, input.promotionCode);
    const problem = promotionProblem(promotion, subtotal, currency, ctx.now());
    if (problem) throw new UserInputError(`input.promotionCode: ${problem}`, 'input.promotionCode');
  }
  return quote({ lines, currency, promotion, shipping: shippingMethodFor(ctx, input), address: input.shippingAddress, taxRules: ctx.settings.taxRules });
}

export async function checkoutQuote(ctx: CheckoutContext, raw: unknown): Promise<CheckoutQuoteView> {
  ctx.auth.signedIn();
  const input = validate(checkoutInput, raw);
  const cart = await resolveCart(ctx, input.cartToken, false);
  const cartLines = cart ? await findCartLines(ctx.db, cart.cart.id) : [];
  const variants = await findVariantsByIds(ctx.db, cartLines.map((l) => l.variantId));
  return priceLines(ctx, ctx.db, cartLines, variants, input);
}
