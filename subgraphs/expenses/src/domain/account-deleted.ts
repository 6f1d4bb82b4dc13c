import type { EventHandler } from '@mosaic/kit';
import type { accountEvents } from '@mosaic/accounts/events';
import { deleteAllOf } from '../data/account-data-repo';

/** An account was deleted: everything its user stored here goes, in the transaction that records the event as handled. */
export const forgetDeletedAccount: EventHandler<typeof accountEvents, 'account.deleted'> = async (event, { tx, log }) => {
  const removed = await deleteAllOf(tx, event.payload.userId);
  log.info({ userId: event.payload.userId, transactions: removed }, 'removed the expense data of a deleted account');
};
