import { refreshLoaders, topicStream, type DeliveredEvent, type PubSub } from '@mosaic/kit';
import type { Context } from '../context';
import type { ReminderRow } from '../data/tables';
import type { todoEvents } from '../events';

/** What travels through pub/sub when a reminder fires: the reminder as JSON (dates as ISO strings). */
export interface ReminderDuePayload {
  eventId: string;
  reminder: { id: string; todoId: string; ownerId: string; remindAt: string | null; offsetMinutes: number | null; firedAt: string; createdAt: string };
}

export const remindersTopic = (ownerId: string) => `todos.reminders.${ownerId}`;

/**
 * The relay's consumer for live streams: a fired reminder to its owner's topic, on every replica.
 * It comes from the outbox, so a reminder marked fired always reaches the streams open then.
 */
export function fanOutReminderDue(pubsub: PubSub) {
  return async (event: DeliveredEvent<typeof todoEvents, 'reminder.due'>): Promise<void> => {
    const { reminderId, ...rest } = event.payload;
    await pubsub.publish(remindersTopic(rest.ownerId), { eventId: event.id, reminder: { id: reminderId, ...rest } } satisfies ReminderDuePayload);
  };
}

/** `reminders`: the viewer's own, so private (no share key): one stream per subscriber. */
export async function openReminderStream(ctx: Pick<Context, 'auth' | 'pubsub'>): Promise<AsyncIterableIterator<ReminderDuePayload>> {
  const viewer = ctx.auth.require('todos:read');
  return topicStream<ReminderDuePayload>(ctx.pubsub, remindersTopic(viewer.userId), { bufferLimit: 1_000 });
}

/** The event as a reminder row; the stream's loaders are refreshed first (its context lives as long as the stream). */
export function reminderFromEvent(ctx: Pick<Context, 'loaders'>, payload: ReminderDuePayload): ReminderRow {
  refreshLoaders(ctx.loaders);
  const r = payload.reminder;
  return { ...r, remindAt: r.remindAt ? new Date(r.remindAt) : null, fireAt: null, firedAt: new Date(r.firedAt), createdAt: new Date(r.createdAt) };
}
