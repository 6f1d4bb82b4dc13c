import { z } from 'zod';

const currency = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR');

/** One tax rule: the first rule whose country (and region, when given) matches the shipping address applies. */
const taxRule = z.object({
  country: z.string().regex(/^([A-Z]{2}|\*)$/, 'an ISO 3166-1 alpha-2 code, or * for any'),
  region: z.string().min(1).optional(),
  /** Basis points: 1900 = 19 %. */
  rateBasisPoints: z.number().int().min(0).max(10_000),
  /** Whether catalog prices already include this tax (EU style) or it is added on top (US style). */
  inclusive: z.boolean(),
  label: z.string().min(1),
});
export type TaxRule = z.output<typeof taxRule>;

const shippingMethod = z.object({
  code: z.string().regex(/^[a-z0-9-]{1,40}$/),
  name: z.string().min(1),
  priceMinor: z.number().int().min(0).max(10_000_000),
  /** Free when the discounted subtotal reaches this (minor units); omitted = never free. */
  freeOverMinor: z.number().int().min(0).optional(),
  /** ISO 3166-1 alpha-2 codes it ships to; omitted = everywhere. */
  countries: z.array(z.string().regex(/^[A-Z]{2}$/)).optional(),
});
export type ShippingMethod = z.output<typeof shippingMethod>;

const json = <T extends z.ZodType>(schema: T, fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'must be JSON' });
        return z.NEVER;
      }
    })
    .pipe(schema);

const DEFAULT_TAX_RULES = JSON.stringify([
  { country: 'DE', rateBasisPoints: 1900, inclusive: true, label: 'MwSt. 19 %' },
  { country: 'FR', rateBasisPoints: 2000, inclusive: true, label: 'TVA 20 %' },
  { country: 'US', region: 'CA', rateBasisPoints: 725, inclusive: false, label: 'CA sales tax 7.25 %' },
  { country: '*', rateBasisPoints: 0, inclusive: true, label: 'No tax' },
]);
const DEFAULT_SHIPPING = JSON.stringify([
  { code: 'standard', name: 'Standard (3–5 days)', priceMinor: 495, freeOverMinor: 5000 },
  { code: 'express', name: 'Express (next day)', priceMinor: 1495 },
]);

/**
 * Commerce's settings (every one documented in the README). The payment provider defaults to
 * `offline`, which needs no network; Stripe and PayPal need their keys.
 */
export const commerceEnv = z
  .object({
    COMMERCE_CURRENCY: currency.default('EUR'),
    COMMERCE_TAX_RULES: json(z.array(taxRule).min(1), DEFAULT_TAX_RULES),
    COMMERCE_SHIPPING_METHODS: json(z.array(shippingMethod).min(1), DEFAULT_SHIPPING),
    COMMERCE_MAX_LINE_QUANTITY: z.coerce.number().int().min(1).max(100_000).default(100),
    COMMERCE_MAX_CART_LINES: z.coerce.number().int().min(1).max(1000).default(50),
    /** Unpaid (PENDING) orders are cancelled after this, giving their stock back; 24 h by default. */
    COMMERCE_PENDING_ORDER_TTL_SECONDS: z.coerce.number().int().min(1).max(30 * 86_400).default(86_400),
    COMMERCE_PENDING_SWEEP_MS: z.coerce.number().int().min(50).max(3_600_000).default(60_000),
    COMMERCE_PAYMENT_PROVIDER: z.enum(['offline', 'stripe', 'paypal']).default('offline'),
    STRIPE_SECRET_KEY: z.string().min(1).optional(),
    STRIPE_WEBHOOK_SECRET: z.string().min(1).optional(),
    /** For tests and Stripe's mock servers: `http://127.0.0.1:12111`; unset = api.stripe.com. */
    STRIPE_API_URL: z.url().optional(),
    PAYPAL_CLIENT_ID: z.string().min(1).optional(),
    PAYPAL_CLIENT_SECRET: z.string().min(1).optional(),
    PAYPAL_WEBHOOK_ID: z.string().min(1).optional(),
    PAYPAL_API_URL: z.url().default('https://api-m.sandbox.paypal.com'),
  })
  .superRefine((e, ctx) => {
    if (e.COMMERCE_PAYMENT_PROVIDER === 'stripe' && (!e.STRIPE_SECRET_KEY || !e.STRIPE_WEBHOOK_SECRET)) {
      ctx.addIssue({ code: 'custom', path: ['STRIPE_SECRET_KEY'], message: 'COMMERCE_PAYMENT_PROVIDER=stripe needs STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET' });
    }
    if (e.COMMERCE_PAYMENT_PROVIDER === 'paypal' && (!e.PAYPAL_CLIENT_ID || !e.PAYPAL_CLIENT_SECRET || !e.PAYPAL_WEBHOOK_ID)) {
      ctx.addIssue({ code: 'custom', path: ['PAYPAL_CLIENT_ID'], message: 'COMMERCE_PAYMENT_PROVIDER=paypal needs PAYPAL_CLIENT_ID, PAYPAL_CLIENT_SECRET and PAYPAL_WEBHOOK_ID' });
    }
  })
  .transform((e) => ({
    currency: e.COMMERCE_CURRENCY,
    taxRules: e.COMMERCE_TAX_RULES,
    shippingMethods: e.COMMERCE_SHIPPING_METHODS,
    maxLineQuantity: e.COMMERCE_MAX_LINE_QUANTITY,
    maxCartLines: e.COMMERCE_MAX_CART_LINES,
    pendingOrders: { ttlSeconds: e.COMMERCE_PENDING_ORDER_TTL_SECONDS, sweepMs: e.COMMERCE_PENDING_SWEEP_MS },
    payments: {
      provider: e.COMMERCE_PAYMENT_PROVIDER,
      stripe: e.STRIPE_SECRET_KEY && e.STRIPE_WEBHOOK_SECRET ? { secretKey: e.STRIPE_SECRET_KEY, webhookSecret: e.STRIPE_WEBHOOK_SECRET, apiUrl: e.STRIPE_API_URL ?? null } : null,
      paypal:
        e.PAYPAL_CLIENT_ID && e.PAYPAL_CLIENT_SECRET && e.PAYPAL_WEBHOOK_ID
          ? { clientId: e.PAYPAL_CLIENT_ID, clientSecret: e.PAYPAL_CLIENT_SECRET, webhookId: e.PAYPAL_WEBHOOK_ID, apiUrl: e.PAYPAL_API_URL }
          : null,
    },
  }));

export type CommerceSettings = z.output<typeof commerceEnv>;
