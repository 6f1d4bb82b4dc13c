import type { EventHandler } from '@mosaic/kit';
import type { accountEvents } from '@mosaic/accounts/events';
import { deleteProductsOf } from '../data/product-repo';

/** An account was deleted: its products go, in the transaction that records the event as handled. */
export const forgetDeletedAccount: EventHandler<typeof accountEvents, 'account.deleted'> = async (event, { tx, log }) => {
  const removed = await deleteProductsOf(tx, event.payload.userId);
  log.info({ userId: event.payload.userId, removed }, 'removed the products of a deleted account');
};
