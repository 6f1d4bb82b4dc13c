import { encodeId, userReference } from '@mosaic/kit';
import type { OrderLineResolvers, OrderResolvers, OrderTransitionResolvers, PlaceOrderPayloadResolvers } from '../resolvers.generated';
import { money } from './money';

export const Order: OrderResolvers = {
  id: (row) => encodeId('Order', row.id),
  buyer: (row) => (row.buyerId ? userReference(row.buyerId) : null),
  lines: (row, _args, ctx) => ctx.loaders.linesOfOrder.load(row.id),
  subtotal: (row) => money(row.subtotalMinor, row.currency),
  discount: (row) => money(row.discountMinor, row.currency),
  shipping: (row) => money(row.shippingMinor, row.currency),
  tax: (row) => money(row.taxMinor, row.currency),
  total: (row) => money(row.totalMinor, row.currency),
  refunded: (row) => money(row.refundedMinor, row.currency),
  history: async (row, _args, ctx) => (await ctx.loaders.transitionsOfOrder.load(row.id)).map((t) => ({ ...t, currency: row.currency })),
};

export const OrderLine: OrderLineResolvers = {
  variant: (line, _args, ctx) => ctx.loaders.variantById.load(line.variantId),
  unitPrice: async (line, _args, ctx) => money(line.unitPriceMinor, (await ctx.loaders.orderById.load(line.orderId))?.currency ?? ctx.settings.currency),
  lineTotal: async (line, _args, ctx) => money(line.lineTotalMinor, (await ctx.loaders.orderById.load(line.orderId))?.currency ?? ctx.settings.currency),
};

export const OrderTransition: OrderTransitionResolvers = {
  from: (t) => t.fromStatus,
  to: (t) => t.toStatus,
  actor: (t) => (t.actorId ? userReference(t.actorId) : null),
  amount: (t) => (t.amountMinor === null ? null : money(t.amountMinor, t.currency)),
};

export const PlaceOrderPayload: PlaceOrderPayloadResolvers = {
  order: (payload) => payload.order,
  payment: (payload) => payload.payment,
};
