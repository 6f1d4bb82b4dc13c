import type { Context } from '../../context';
import { openReminderStream, reminderFromEvent, type ReminderDuePayload } from '../../domain/live-reminders';
import type { SubscriptionResolvers } from '../../resolvers.generated';

export const reminders: NonNullable<SubscriptionResolvers['reminders']> = {
  subscribe: (_parent, _args, ctx) => openReminderStream(ctx),
  resolve: (payload: ReminderDuePayload, _args: unknown, ctx: Context) => reminderFromEvent(ctx, payload),
};
