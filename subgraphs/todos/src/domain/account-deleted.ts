import type { EventHandler } from '@mosaic/kit';
import type { accountEvents } from '@mosaic/accounts/events';
import { deleteTodosOfOwner } from '../data/todos-repo';

/** An account was deleted: its todos go, in the transaction that records the event as handled. */
export const forgetDeletedAccount: EventHandler<typeof accountEvents, 'account.deleted'> = async (event, { tx, log }) => {
  const removed = await deleteTodosOfOwner(tx, event.payload.userId);
  log.info({ userId: event.payload.userId, removed }, 'removed the todos of a deleted account');
};
