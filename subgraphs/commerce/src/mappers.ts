import type { Connection, UserReference } from '@mosaic/kit';
import type { CartView, CheckoutQuoteView, CartLineView } from './domain/checkout/pricing-types';
import type { PaymentSession } from './providers/payment-provider';
import type { ShippingMethod } from './env';
import type { CategoryRow, OrderLineRow, OrderRow, OrderTransitionRow, ProductRow, PromotionRow, VariantRow } from './data/tables';

export type UserMapper = UserReference;
export type CategoryMapper = CategoryRow;
export type ProductMapper = ProductRow;
export type ProductVariantMapper = VariantRow;
export interface ProductEdgeMapper {
  cursor: string;
  node: ProductRow;
  highlight: string | null;
}
export interface ProductConnectionMapper {
  edges: ProductEdgeMapper[];
  pageInfo: Connection<ProductRow>['pageInfo'];
}
export type PromotionMapper = PromotionRow;
export type CartMapper = CartView;
export type CartLineMapper = CartLineView;
export interface CartPayloadMapper {
  cart: CartView;
  cartToken: string | null;
}
export type CheckoutQuoteMapper = CheckoutQuoteView;
export interface ShippingMethodMapper {
  method: ShippingMethod;
  currency: string;
}
export type OrderMapper = OrderRow;
export type OrderLineMapper = OrderLineRow;
export type OrderTransitionMapper = OrderTransitionRow & { currency: string };
export type OrderConnectionMapper = Connection<OrderRow>;
export interface PlaceOrderPayloadMapper {
  order: OrderRow;
  payment: PaymentSession;
}
