import { z } from 'zod';
import { defineEvents, event, type Outbox } from '@mosaic/kit';

/**
 * The events expenses publishes (exchange `mosaic.expenses`). Payloads carry raw ids and amounts
 * as decimal strings of minor units (JSON has no bigint).
 */
const uuid = z.string().uuid();
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const minor = z.string().regex(/^-?\d+$/);

export const expensesEvents = defineEvents('expenses', {
  /** Spending in a budget's period reached one of its thresholds (once per budget, period and threshold). Kit's event names allow dashes, not underscores. */
  'budget.threshold-crossed': event({
    version: 1,
    schema: z.object({
      ownerId: uuid,
      budgetId: uuid,
      categoryId: uuid,
      periodStart: day,
      periodEnd: day,
      threshold: z.number().int(),
      spent: minor,
      available: minor,
      currency: z.string(),
      raisedAt: z.iso.datetime(),
    }),
    aggregateId: (p) => p.budgetId,
  }),
});

export type ExpensesOutbox = Outbox<typeof expensesEvents>;
export type ThresholdCrossed = z.output<(typeof expensesEvents)['events']['budget.threshold-crossed']['schema']>;
