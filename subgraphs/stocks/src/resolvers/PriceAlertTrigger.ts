import { encodeId } from '@mosaic/kit';
import { percentChange } from '../domain/prices';
import type { PriceAlertCondition, PriceAlertTriggerResolvers } from '../resolvers.generated';

export const PriceAlertTrigger: PriceAlertTriggerResolvers = {
  id: (trigger) => encodeId('PriceAlertTrigger', trigger.id),
  // A live event carries the alert as it was when it fired; history reads the current one.
  alert: (trigger, _args, ctx) => trigger.alertSnapshot ?? (trigger.alertId ? ctx.loaders.alert.load(trigger.alertId) : null),
  instrument: (trigger, _args, ctx) => ctx.catalog.get(trigger.symbol)!,
  condition: (trigger) => trigger.condition as PriceAlertCondition,
  percent: (trigger) => (trigger.moveBps === null ? null : trigger.moveBps / 100),
  windowMinutes: (trigger) => (trigger.windowSeconds === null ? null : trigger.windowSeconds / 60),
  movePercent: (trigger) => (trigger.referencePrice === null ? null : percentChange(trigger.referencePrice, trigger.price)),
};
