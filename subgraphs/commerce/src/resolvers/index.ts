import { DateTimeScalar } from '@mosaic/kit';
import type { Resolvers } from '../resolvers.generated';
import { Category, Product, ProductVariant } from './catalog';
import { Cart, CartLine, CartPayload, CheckoutQuote, Promotion, ShippingMethod } from './checkout';
import { catalogMutations } from './Mutation/catalog';
import { orderMutations } from './Mutation/orders';
import { Order, OrderLine, OrderTransition, PlaceOrderPayload } from './orders';
import { catalogQueries } from './Query/catalog';
import { orderQueries } from './Query/orders';
import { orderUpdated } from './Subscription/orderUpdated';
import { User } from './User';

export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Query: { ...catalogQueries, ...orderQueries },
  Mutation: { ...catalogMutations, ...orderMutations },
  Subscription: { orderUpdated },
  Product,
  ProductVariant,
  Category,
  Cart,
  CartLine,
  CartPayload,
  CheckoutQuote,
  ShippingMethod,
  Promotion,
  Order,
  OrderLine,
  OrderTransition,
  PlaceOrderPayload,
  User,
};
