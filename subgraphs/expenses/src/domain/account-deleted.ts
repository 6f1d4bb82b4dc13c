import type { EventHandler } from '@mosaic/kit';
import type { accountEvents } from '@mosaic/accounts/events';
import { deleteExpenseAccountsOf } from '../data/expense-account-repo';

/** An account was deleted: its expenseAccounts go, in the transaction that records the event as handled. */
export const forgetDeletedAccount: EventHandler<typeof accountEvents, 'account.deleted'> = async (event, { tx, log }) => {
  const removed = await deleteExpenseAccountsOf(tx, event.payload.userId);
  log.info({ userId: event.payload.userId, removed }, 'removed the expenseAccounts of a deleted account');
};
