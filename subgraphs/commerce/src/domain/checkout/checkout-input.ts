import { z } from 'zod';

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

export const checkoutInput = z.object({
  cartToken: z.string().nullish(),
  shippingAddress: z.object({
    name: text(200),
    line1: text(200),
    line2: z.string().trim().max(200).nullish().transform((v) => v || null),
    postalCode: text(20),
    city: text(100),
    region: z.string().trim().max(100).nullish().transform((v) => v || null),
    country: z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as DE'),
  }),
  shippingMethod: z.string().trim().min(1).max(40),
  promotionCode: z.string().trim().max(32).nullish().transform((v) => v || null),
});
export type CheckoutInput = z.output<typeof checkoutInput>;
