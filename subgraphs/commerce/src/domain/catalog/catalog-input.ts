import { z } from 'zod';
import { PRODUCT_STATUSES } from '../../data/tables';

export const MAX_PRICE_MINOR = 100_000_000;
export const MAX_STOCK = 1_000_000;

const name = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
export const slug = z
  .string()
  .trim()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case words joined by "-"')
  .max(100, 'must be at most 100 characters');
const imageUrl = z
  .string()
  .max(2000)
  .refine((value) => {
    try {
      return ['http:', 'https:'].includes(new URL(value).protocol);
    } catch {
      return false;
    }
  }, 'must be an http(s) URL');

export const variantInput = z.object({
  sku: z.string().trim().regex(/^[A-Za-z0-9._-]{1,64}$/, "must be 1 to 64 of A–Z, 0–9, '-', '_', '.'").transform((s) => s.toUpperCase()),
  name,
  options: z
    .array(z.object({ name: z.string().trim().min(1).max(50), value: z.string().trim().min(1).max(100) }))
    .max(10)
    .nullish()
    .transform((options) => Object.fromEntries((options ?? []).map((o) => [o.name, o.value]))),
  priceMinor: z.number().int('must be whole minor units').min(0, 'must not be negative').max(MAX_PRICE_MINOR, `must be at most ${MAX_PRICE_MINOR}`),
  stock: z.number().int().min(0, 'must not be negative').max(MAX_STOCK, `must be at most ${MAX_STOCK}`),
  lowStockThreshold: z.number().int().min(0).max(MAX_STOCK).nullish().transform((v) => v ?? 5),
});

export const createProductInput = z.object({
  name,
  slug: slug.nullish(),
  description: z.string().trim().max(20_000).nullish().transform((v) => v ?? ''),
  categoryId: z.string().nullish(),
  images: z.array(imageUrl).max(10, 'at most 10 images').nullish().transform((v) => v ?? []),
  status: z.enum(PRODUCT_STATUSES).nullish().transform((v) => v ?? 'ACTIVE'),
  variants: z.array(variantInput).min(1, 'a product needs at least one variant').max(100),
});

export const updateProductInput = z.object({
  name: name.nullish(),
  description: z.string().trim().max(20_000).nullish(),
  categoryId: z.string().nullish(),
  images: z.array(imageUrl).max(10).nullish(),
  status: z.enum(PRODUCT_STATUSES).nullish(),
});

export const updateVariantInput = z.object({
  name: name.nullish(),
  priceMinor: variantInput.shape.priceMinor.nullish(),
  lowStockThreshold: z.number().int().min(0).max(MAX_STOCK).nullish(),
});

export const createCategoryInput = z.object({ name, slug: slug.nullish(), parentId: z.string().nullish() });

/** "Blue Shirt (M)!" → "blue-shirt-m". */
export function slugify(text: string): string {
  const base = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return base || 'item';
}
