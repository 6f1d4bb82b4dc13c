import { topicStream, type DeliveredEvent, type PubSub } from '@mosaic/kit';
import type { Context } from '../context';
import type { expensesEvents, ThresholdCrossed } from '../events';

export const budgetAlertsTopic = (ownerId: string) => `expenses.user.${ownerId}.budget-alerts`;

/** What `budgetAlerts` subscribers receive: the event's payload and id (a redelivered copy is dropped by id). */
export type BudgetAlertPayload = ThresholdCrossed & { eventId: string };

/**
 * The relay's consumer for live alerts: each committed `budget.threshold-crossed` to its owner's
 * topic (every replica's subscribers). At least once, so streams drop copies they have seen.
 */
export function fanOutBudgetAlerts(pubsub: PubSub) {
  return async (event: DeliveredEvent<typeof expensesEvents, 'budget.threshold-crossed'>): Promise<void> => {
    await pubsub.publish(budgetAlertsTopic(event.payload.ownerId), { ...event.payload, eventId: event.id } satisfies BudgetAlertPayload);
  };
}

const REMEMBERED = 200;

/** The caller's own alerts as they are raised; private to them. */
export async function openBudgetAlerts(ctx: Pick<Context, 'auth' | 'pubsub'>): Promise<AsyncIterableIterator<BudgetAlertPayload>> {
  const viewer = ctx.auth.require('expenses:read');
  const seen = new Set<string>();
  return topicStream<BudgetAlertPayload>(ctx.pubsub, budgetAlertsTopic(viewer.userId), {
    bufferLimit: 1_000,
    filter: (alert) => {
      if (seen.has(alert.eventId)) return false;
      seen.add(alert.eventId);
      if (seen.size > REMEMBERED) seen.delete(seen.values().next().value!);
      return true;
    },
  });
}
