import type { CartRow, VariantRow } from '../../data/tables';

export interface CartLineView {
  variant: VariantRow;
  quantity: number;
  lineTotalMinor: number;
}

export interface CartView {
  cart: CartRow;
  lines: CartLineView[];
  currency: string;
  subtotalMinor: number;
}

export interface CheckoutQuoteView {
  lines: CartLineView[];
  currency: string;
  subtotalMinor: number;
  discountMinor: number;
  shippingMinor: number;
  taxMinor: number;
  taxLabel: string;
  totalMinor: number;
  promotionCode: string | null;
}
