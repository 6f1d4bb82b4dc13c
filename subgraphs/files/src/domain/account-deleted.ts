import type { EventHandler } from '@mosaic/kit';
import type { accountEvents } from '@mosaic/accounts/events';
import { deleteFilesOf } from '../data/file-repo';

/** An account was deleted: its files go, in the transaction that records the event as handled. */
export const forgetDeletedAccount: EventHandler<typeof accountEvents, 'account.deleted'> = async (event, { tx, log }) => {
  const removed = await deleteFilesOf(tx, event.payload.userId);
  log.info({ userId: event.payload.userId, removed }, 'removed the files of a deleted account');
};
