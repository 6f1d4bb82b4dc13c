import { z } from 'zod';
import { ConflictError, isUniqueViolation, NotFoundError, UserInputError, uuidv7, validate } from '@mosaic/kit';
import type { Context } from '../../context';
import { insertPromotion, listPromotions, setPromotionActive } from '../../data/promotions-repo';
import type { PromotionRow } from '../../data/tables';
import { CATALOG_WRITE } from '../access';

const createInput = z.object({
  code: z.string().trim().regex(/^[A-Za-z0-9-]{3,32}$/, "must be 3 to 32 of A–Z, 0–9, '-'").transform((c) => c.toUpperCase()),
  kind: z.enum(['PERCENTAGE', 'FIXED']),
  value: z.number().int().min(1, 'must be at least 1'),
  minSubtotalMinor: z.number().int().min(0).nullish().transform((v) => v ?? 0),
  usageLimit: z.number().int().min(1).nullish().transform((v) => v ?? null),
  startsAt: z.iso.datetime().nullish().transform((v) => (v ? new Date(v) : null)),
  expiresAt: z.iso.datetime().nullish().transform((v) => (v ? new Date(v) : null)),
});

export async function createPromotion(ctx: Pick<Context, 'auth' | 'db' | 'now' | 'settings'>, raw: unknown): Promise<PromotionRow> {
  ctx.auth.require(CATALOG_WRITE);
  const input = validate(createInput, raw);
  if (input.kind === 'PERCENTAGE' && input.value > 10_000) throw new UserInputError('input.value: a percentage is at most 10000 basis points (100 %).', 'input.value');
  if (input.startsAt && input.expiresAt && input.expiresAt <= input.startsAt) throw new UserInputError('input.expiresAt must be after startsAt.', 'input.expiresAt');
  const now = ctx.now();
  try {
    return await insertPromotion(ctx.db, {
      id: uuidv7(now.getTime()),
      vendorId: null,
      code: input.code,
      kind: input.kind,
      value: input.value,
      currency: input.kind === 'FIXED' ? ctx.settings.currency : null,
      minSubtotalMinor: input.minSubtotalMinor,
      usageLimit: input.usageLimit,
      usedCount: 0,
      startsAt: input.startsAt,
      expiresAt: input.expiresAt,
      active: true,
      createdAt: now,
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError(`The promotion code ${input.code} exists already.`);
    throw error;
  }
}

export async function setActive(ctx: Pick<Context, 'auth' | 'db'>, id: string, active: boolean): Promise<PromotionRow> {
  ctx.auth.require(CATALOG_WRITE);
  const row = await setPromotionActive(ctx.db, id, active);
  if (!row) throw new NotFoundError('Promotion');
  return row;
}

export async function promotionsForStaff(ctx: Pick<Context, 'auth' | 'db'>): Promise<PromotionRow[]> {
  ctx.auth.require(CATALOG_WRITE);
  return listPromotions(ctx.db);
}
