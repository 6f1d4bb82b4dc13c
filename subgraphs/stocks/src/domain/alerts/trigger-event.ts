import type { PriceAlertRow, PriceAlertTriggerRow } from '../../data/tables';

/** What `priceAlertTriggered` subscribers receive through pub/sub: JSON, dates as ISO strings. */
export interface TriggerEvent {
  trigger: Record<keyof PriceAlertTriggerRow, unknown>;
  /** The alert right after it fired, so the event needs no database read to show it. */
  alert: Record<keyof PriceAlertRow, unknown>;
}

export function triggerEvent(trigger: PriceAlertTriggerRow, alert: PriceAlertRow): TriggerEvent {
  return { trigger, alert };
}

const date = (value: unknown) => (value === null || value === undefined ? null : new Date(value as string));

/** Back to rows after the trip through JSON. */
export function triggerFromEvent(event: TriggerEvent): PriceAlertTriggerRow & { alertSnapshot: PriceAlertRow } {
  const t = event.trigger as unknown as PriceAlertTriggerRow;
  const a = event.alert as unknown as PriceAlertRow;
  return {
    ...t,
    triggeredAt: date(t.triggeredAt)!,
    alertSnapshot: { ...a, armedAt: date(a.armedAt)!, triggeredAt: date(a.triggeredAt), createdAt: date(a.createdAt)!, updatedAt: date(a.updatedAt)! },
  };
}
