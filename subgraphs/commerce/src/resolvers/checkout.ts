import { encodeId } from '@mosaic/kit';
import type { CartLineResolvers, CartPayloadResolvers, CartResolvers, CheckoutQuoteResolvers, PromotionResolvers, ShippingMethodResolvers } from '../resolvers.generated';
import { money } from './money';

export const Cart: CartResolvers = {
  id: (view) => encodeId('Cart', view.cart.id),
  lines: (view) => view.lines,
  itemCount: (view) => view.lines.reduce((sum, line) => sum + line.quantity, 0),
  subtotal: (view) => money(view.subtotalMinor, view.currency),
  updatedAt: (view) => view.cart.updatedAt,
};

export const CartLine: CartLineResolvers = {
  variant: (line) => line.variant,
  quantity: (line) => line.quantity,
  unitPrice: (line) => money(line.variant.priceMinor, line.variant.currency),
  lineTotal: (line) => money(line.lineTotalMinor, line.variant.currency),
};

export const CartPayload: CartPayloadResolvers = {
  cart: (payload) => payload.cart,
  cartToken: (payload) => payload.cartToken,
};

export const CheckoutQuote: CheckoutQuoteResolvers = {
  lines: (q) => q.lines,
  subtotal: (q) => money(q.subtotalMinor, q.currency),
  discount: (q) => money(q.discountMinor, q.currency),
  shipping: (q) => money(q.shippingMinor, q.currency),
  tax: (q) => money(q.taxMinor, q.currency),
  taxLabel: (q) => q.taxLabel,
  total: (q) => money(q.totalMinor, q.currency),
  promotionCode: (q) => q.promotionCode,
};

export const ShippingMethod: ShippingMethodResolvers = {
  code: ({ method }) => method.code,
  name: ({ method }) => method.name,
  price: ({ method, currency }) => money(method.priceMinor, currency),
  freeOver: ({ method, currency }) => (method.freeOverMinor === undefined ? null : money(method.freeOverMinor, currency)),
};

export const Promotion: PromotionResolvers = {
  id: (row) => encodeId('Promotion', row.id),
  minSubtotal: (row, _args, ctx) => money(row.minSubtotalMinor, row.currency ?? ctx.settings.currency),
};
