import { describe, expect, it } from 'vitest';
import type { PromotionRow, VariantRow } from '../src/data/tables';
import { discountOf, promotionProblem, quote, taxRuleFor } from '../src/domain/checkout/pricing';
import { NEXT, assertTransition } from '../src/domain/orders/state-machine';

const rules = [
  { country: 'DE', rateBasisPoints: 1900, inclusive: true, label: 'DE' },
  { country: 'US', region: 'CA', rateBasisPoints: 725, inclusive: false, label: 'CA' },
  { country: 'US', rateBasisPoints: 0, inclusive: false, label: 'US' },
  { country: '*', rateBasisPoints: 0, inclusive: true, label: 'none' },
];
const now = new Date('2026-12-01T12:00:00.000Z');
const promotion = (over: Partial<PromotionRow> = {}): PromotionRow => ({
  id: 'p', vendorId: null, code: 'X', kind: 'PERCENTAGE', value: 1000, currency: null, minSubtotalMinor: 0,
  usageLimit: null, usedCount: 0, startsAt: null, expiresAt: null, active: true, createdAt: now, ...over,
});
const line = (price: number, quantity: number) => ({ variant: { priceMinor: price, currency: 'EUR' } as VariantRow, quantity, lineTotalMinor: price * quantity });
const address = { name: 'a', line1: 'b', line2: null, postalCode: 'c', city: 'd', region: null, country: 'DE' };

describe('pricing', () => {
  it('matches tax rules by country and region, then the fallback', () => {
    expect(taxRuleFor(rules, { country: 'US', region: 'ca' }).label).toBe('CA');
    expect(taxRuleFor(rules, { country: 'US', region: 'NY' }).label).toBe('US');
    expect(taxRuleFor(rules, { country: 'JP', region: null }).label).toBe('none');
    expect(() => taxRuleFor(rules.slice(0, 3), { country: 'JP', region: null })).toThrow(/do not ship/);
  });

  it('discounts never exceed the subtotal and percentages round down', () => {
    expect(discountOf(promotion({ value: 3333 }), 1001)).toBe(333);
    expect(discountOf(promotion({ kind: 'FIXED', value: 5000, currency: 'EUR' }), 1200)).toBe(1200);
  });

  it('explains why a promotion does not apply', () => {
    expect(promotionProblem(null, 100, 'EUR', now)).toMatch(/does not exist/);
    expect(promotionProblem(promotion({ active: false }), 100, 'EUR', now)).toMatch(/no longer active/);
    expect(promotionProblem(promotion({ startsAt: new Date('2027-01-01') }), 100, 'EUR', now)).toMatch(/not valid yet/);
    expect(promotionProblem(promotion({ expiresAt: now }), 100, 'EUR', now)).toMatch(/expired/);
    expect(promotionProblem(promotion({ usageLimit: 2, usedCount: 2 }), 100, 'EUR', now)).toMatch(/used as often/);
    expect(promotionProblem(promotion({ kind: 'FIXED', currency: 'USD' }), 100, 'EUR', now)).toMatch(/for USD/);
    expect(promotionProblem(promotion({ minSubtotalMinor: 101 }), 100, 'EUR', now)).toMatch(/at least 101/);
    expect(promotionProblem(promotion(), 100, 'EUR', now)).toBeNull();
  });

  it('totals: inclusive tax is contained, exclusive tax is added, shipping is free over its threshold', () => {
    const shipping = { code: 'standard', name: 'Standard', priceMinor: 495, freeOverMinor: 5000 };
    const de = quote({ lines: [line(1999, 2)], currency: 'EUR', promotion: null, shipping, address, taxRules: rules });
    expect(de).toMatchObject({ subtotalMinor: 3998, shippingMinor: 495, taxMinor: 717, totalMinor: 4493 });
    const free = quote({ lines: [line(2500, 2)], currency: 'EUR', promotion: null, shipping, address, taxRules: rules });
    expect(free).toMatchObject({ shippingMinor: 0, totalMinor: 5000 });
    const ca = quote({ lines: [line(1000, 1)], currency: 'EUR', promotion: promotion({ kind: 'FIXED', value: 100, currency: 'EUR' }), shipping, address: { ...address, country: 'US', region: 'CA' }, taxRules: rules });
    expect(ca).toMatchObject({ discountMinor: 100, taxMinor: 101, totalMinor: 1496 });
    expect(() => quote({ lines: [line(100_000_000, 100)], currency: 'EUR', promotion: null, shipping, address, taxRules: rules })).toThrow(/at most/);
  });
});

describe('order state machine', () => {
  it('allows only the documented moves', () => {
    expect(() => assertTransition('PENDING', 'PAID')).not.toThrow();
    expect(() => assertTransition('PAID', 'DELIVERED')).toThrow(/cannot become DELIVERED \(it can become FULFILLED or REFUNDED\)/);
    expect(() => assertTransition('REFUNDED', 'PAID')).toThrow(/it is final/);
    expect(() => assertTransition('CANCELLED', 'PAID')).toThrow();
    expect(NEXT.DELIVERED).toEqual(['REFUNDED']);
  });
});
