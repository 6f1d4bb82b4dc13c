import { z } from 'zod';
import { ConflictError, NotFoundError, encodeId, uuidv7, validate, refreshLoaders } from '@mosaic/kit';
import type { Context } from '../../context';
import { countAlertsOf, deleteOwnedAlert, insertAlert, rearmOwnedAlert } from '../../data/alerts-repo';
import { lockOwner } from '../../data/locks';
import type { PriceAlertRow } from '../../data/tables';
import { topics } from '../live/topics';

export const MAX_ALERTS = 100;

type Ctx = Pick<Context, 'auth' | 'db' | 'loaders' | 'now' | 'catalog' | 'pubsub' | 'log'>;

/** ABOVE/BELOW take `price` (minor units); PERCENT_MOVE takes `percent` and `windowMinutes`. */
const createInput = z.discriminatedUnion('condition', [
  z.object({
    symbol: z.string(),
    condition: z.enum(['ABOVE', 'BELOW']),
    price: z.number().int('must be a whole number of minor units (cents)').positive('must be positive').max(Number.MAX_SAFE_INTEGER),
    percent: z.null('is only for PERCENT_MOVE').optional(),
    windowMinutes: z.null('is only for PERCENT_MOVE').optional(),
  }),
  z.object({
    symbol: z.string(),
    condition: z.literal('PERCENT_MOVE'),
    price: z.null('is only for ABOVE and BELOW').optional(),
    percent: z
      .number({ error: 'is required for PERCENT_MOVE' })
      .min(0.01, 'must be at least 0.01 (percent)')
      .max(100, 'must be at most 100 (percent)')
      .refine((value) => Math.abs(value * 100 - Math.round(value * 100)) < 1e-9, 'may have at most two decimal places'),
    windowMinutes: z.number({ error: 'is required for PERCENT_MOVE' }).int('must be whole minutes').min(1, 'must be at least 1').max(1_440, 'must be at most 1440 (a day)'),
  }),
]);

export function alertsOf(ctx: Pick<Context, 'loaders'>, ownerId: string): Promise<PriceAlertRow[]> {
  return ctx.loaders.alertsOf.load(ownerId);
}

export async function createPriceAlert(ctx: Ctx, input: unknown): Promise<PriceAlertRow> {
  const viewer = ctx.auth.signedIn();
  const values = validate(createInput, input);
  const instrument = ctx.catalog.requireKnown(values.symbol, 'input.symbol');
  const now = ctx.now();
  const alert = await ctx.db.transaction(async (tx) => {
    await lockOwner(tx, 'alerts', viewer.userId);
    if ((await countAlertsOf(tx, viewer.userId)) >= MAX_ALERTS) throw new ConflictError(`You have ${MAX_ALERTS} price alerts, the most allowed; delete some first.`, { limit: MAX_ALERTS });
    return insertAlert(tx, {
      id: uuidv7(now.getTime()),
      ownerId: viewer.userId,
      symbol: instrument.symbol,
      condition: values.condition,
      price: values.condition === 'PERCENT_MOVE' ? null : values.price,
      moveBps: values.condition === 'PERCENT_MOVE' ? Math.round(values.percent * 100) : null,
      windowSeconds: values.condition === 'PERCENT_MOVE' ? values.windowMinutes * 60 : null,
      status: 'ARMED',
      generation: 1,
      armedAt: now,
      triggeredAt: null,
      createdAt: now,
      updatedAt: now,
    });
  });
  await changed(ctx, alert.symbol);
  return alert;
}

export async function deletePriceAlert(ctx: Ctx, id: string): Promise<string> {
  const viewer = ctx.auth.signedIn();
  const deleted = await deleteOwnedAlert(ctx.db, id, viewer.userId);
  if (!deleted) throw new NotFoundError('PriceAlert', encodeId('PriceAlert', id));
  await changed(ctx, deleted.symbol);
  return encodeId('PriceAlert', id);
}

/** Arms a triggered alert again so it can fire once more (an armed one is returned unchanged). */
export async function rearmPriceAlert(ctx: Ctx, id: string): Promise<PriceAlertRow> {
  const viewer = ctx.auth.signedIn();
  const alert = await rearmOwnedAlert(ctx.db, id, viewer.userId, ctx.now());
  if (!alert) throw new NotFoundError('PriceAlert', encodeId('PriceAlert', id));
  await changed(ctx, alert.symbol);
  return alert;
}

/** The feed owner's alert engine reloads the symbol (wherever this replica is). */
async function changed(ctx: Ctx, symbol: string) {
  refreshLoaders(ctx.loaders);
  await ctx.pubsub.publish(topics.alertRulesChanged, { symbol }).catch((error: unknown) => ctx.log.warn({ err: error, symbol }, 'could not announce an alert change; the periodic reload will pick it up'));
}
