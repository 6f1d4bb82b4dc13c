import type { EventHandler } from '@mosaic/kit';
import type { accountEvents } from '@mosaic/accounts/events';
import { deleteBankAccountsOf } from '../data/bank-account-repo';

/** An account was deleted: its bankAccounts go, in the transaction that records the event as handled. */
export const forgetDeletedAccount: EventHandler<typeof accountEvents, 'account.deleted'> = async (event, { tx, log }) => {
  const removed = await deleteBankAccountsOf(tx, event.payload.userId);
  log.info({ userId: event.payload.userId, removed }, 'removed the bankAccounts of a deleted account');
};
