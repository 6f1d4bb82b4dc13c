import { decodeId } from '@mosaic/kit';
import { cartFor } from '../../domain/checkout/carts';
import { checkoutQuote } from '../../domain/checkout/checkout';
import { promotionsForStaff } from '../../domain/checkout/promotions';
import { findOrderFor, listAllOrders } from '../../domain/orders/queries';
import type { QueryResolvers } from '../../resolvers.generated';

export const orderQueries: Pick<QueryResolvers, 'cart' | 'checkoutQuote' | 'order' | 'orders' | 'promotions'> = {
  cart: (_parent, args, ctx) => cartFor(ctx, args.cartToken),
  checkoutQuote: (_parent, args, ctx) => checkoutQuote(ctx, args.input),
  order: (_parent, args, ctx) => findOrderFor(ctx, decodeId('Order', args.id)),
  orders: (_parent, args, ctx) => listAllOrders(ctx, args.status ?? null, args),
  promotions: (_parent, _args, ctx) => promotionsForStaff(ctx),
};
