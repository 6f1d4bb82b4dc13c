import { UserInputError } from '@mosaic/kit';
import type { PromotionRow, ShippingAddress } from '../../data/tables';
import type { ShippingMethod, TaxRule } from '../../env';
import type { CartLineView, CheckoutQuoteView } from './pricing-types';

/** GraphQL's Int carries amounts: an order above this is refused rather than silently wrong. */
export const MAX_ORDER_TOTAL = 2_147_483_647;

export const lineTotal = (unitPriceMinor: number, quantity: number) => unitPriceMinor * quantity;

/** Why a promotion code cannot be used now, or null when it can (the usage limit is checked again, atomically, when the order is placed). */
export function promotionProblem(promotion: PromotionRow | null, subtotalMinor: number, currency: string, now: Date): string | null {
  if (!promotion || !promotion.active) return 'This promotion code does not exist or is no longer active.';
  if (promotion.startsAt && promotion.startsAt > now) return 'This promotion code is not valid yet.';
  if (promotion.expiresAt && promotion.expiresAt <= now) return 'This promotion code has expired.';
  if (promotion.usageLimit !== null && promotion.usedCount >= promotion.usageLimit) return 'This promotion code has been used as often as it may be.';
  if (promotion.kind === 'FIXED' && promotion.currency !== currency) return `This promotion code is for ${promotion.currency} orders.`;
  if (subtotalMinor < promotion.minSubtotalMinor) return `This promotion code needs a subtotal of at least ${promotion.minSubtotalMinor} (minor units of ${currency}).`;
  return null;
}

export function discountOf(promotion: PromotionRow, subtotalMinor: number): number {
  const off = promotion.kind === 'PERCENTAGE' ? Math.floor((subtotalMinor * promotion.value) / 10_000) : promotion.value;
  return Math.min(off, subtotalMinor);
}

/** The first rule for the country and region, then for the country, then the `*` rule. */
export function taxRuleFor(rules: readonly TaxRule[], address: Pick<ShippingAddress, 'country' | 'region'>): TaxRule {
  const region = address.region?.toUpperCase() ?? null;
  const rule =
    rules.find((r) => r.country === address.country && r.region !== undefined && r.region.toUpperCase() === region) ??
    rules.find((r) => r.country === address.country && r.region === undefined) ??
    rules.find((r) => r.country === '*');
  if (!rule) throw new UserInputError(`We do not ship to ${address.country}.`, 'input.shippingAddress.country');
  return rule;
}

export interface QuoteInput {
  lines: CartLineView[];
  currency: string;
  promotion: PromotionRow | null;
  shipping: ShippingMethod;
  address: ShippingAddress;
  taxRules: readonly TaxRule[];
}

/**
 * The whole price of an order, from catalog prices only: subtotal, discount, shipping (free over
 * its threshold, judged after the discount), tax on goods and shipping (contained in inclusive
 * prices, added on top otherwise), total. Integer arithmetic, rounding half up once per amount.
 */
export function quote(input: QuoteInput): CheckoutQuoteView {
  const subtotalMinor = input.lines.reduce((sum, line) => sum + line.lineTotalMinor, 0);
  const discountMinor = input.promotion ? discountOf(input.promotion, subtotalMinor) : 0;
  const goods = subtotalMinor - discountMinor;
  const free = input.shipping.freeOverMinor !== undefined && goods >= input.shipping.freeOverMinor;
  const shippingMinor = free ? 0 : input.shipping.priceMinor;
  const rule = taxRuleFor(input.taxRules, input.address);
  const base = goods + shippingMinor;
  const rate = rule.rateBasisPoints;
  const taxMinor = rule.inclusive ? Math.round((base * rate) / (10_000 + rate)) : Math.round((base * rate) / 10_000);
  const totalMinor = rule.inclusive ? base : base + taxMinor;
  if (totalMinor > MAX_ORDER_TOTAL) throw new UserInputError(`An order may total at most ${MAX_ORDER_TOTAL} minor units; split it into several orders.`);
  return { lines: input.lines, currency: input.currency, subtotalMinor, discountMinor, shippingMinor, taxMinor, taxLabel: rule.label, totalMinor, promotionCode: input.promotion?.code ?? null };
}
