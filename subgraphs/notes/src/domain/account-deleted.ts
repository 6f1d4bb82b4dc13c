import type { EventHandler } from '@mosaic/kit';
import type { accountEvents } from '@mosaic/accounts/events';
import { deleteNotesOfOwner } from '../data/notes-repo';

/** An account was deleted: its notes go, in the transaction that records the event as handled. */
export const forgetDeletedAccount: EventHandler<typeof accountEvents, 'account.deleted'> = async (event, { tx, log }) => {
  const removed = await deleteNotesOfOwner(tx, event.payload.userId);
  log.info({ userId: event.payload.userId, removed }, 'removed the notes of a deleted account');
};
