import { encodeId } from '@mosaic/kit';
import type { PriceAlertCondition, PriceAlertResolvers, PriceAlertStatus } from '../resolvers.generated';

export const PriceAlert: PriceAlertResolvers = {
  id: (alert) => encodeId('PriceAlert', alert.id),
  instrument: (alert, _args, ctx) => ctx.catalog.get(alert.symbol)!,
  condition: (alert) => alert.condition as PriceAlertCondition,
  status: (alert) => alert.status as PriceAlertStatus,
  percent: (alert) => (alert.moveBps === null ? null : alert.moveBps / 100),
  windowMinutes: (alert) => (alert.windowSeconds === null ? null : alert.windowSeconds / 60),
};
