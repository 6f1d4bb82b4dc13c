import { decodeId } from '@mosaic/kit';
import { changeCartLine } from '../../domain/checkout/carts';
import { cancelOrder, fulfilOrder, markDelivered, refundOrder } from '../../domain/orders/lifecycle';
import { confirmPayment } from '../../domain/orders/payments';
import { placeOrder } from '../../domain/orders/place-order';
import type { MutationResolvers } from '../../resolvers.generated';

const orderId = (id: string) => decodeId('Order', id, 'orderId');

export const orderMutations: Pick<
  MutationResolvers,
  'addToCart' | 'setCartLineQuantity' | 'placeOrder' | 'confirmPayment' | 'cancelOrder' | 'fulfilOrder' | 'markOrderDelivered' | 'refundOrder'
> = {
  addToCart: (_parent, args, ctx) => changeCartLine(ctx, args.input, 'add'),
  setCartLineQuantity: (_parent, args, ctx) => changeCartLine(ctx, args.input, 'set'),
  placeOrder: (_parent, args, ctx) => placeOrder(ctx, args.input),
  confirmPayment: (_parent, args, ctx) => confirmPayment(ctx, orderId(args.orderId)),
  cancelOrder: (_parent, args, ctx) => cancelOrder(ctx, orderId(args.orderId), args.reason),
  fulfilOrder: (_parent, args, ctx) => fulfilOrder(ctx, orderId(args.orderId), args.note),
  markOrderDelivered: (_parent, args, ctx) => markDelivered(ctx, orderId(args.orderId)),
  refundOrder: (_parent, args, ctx) => refundOrder(ctx, orderId(args.orderId), args.amountMinor, args.reason),
};
