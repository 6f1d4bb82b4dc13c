import type { EventHandler } from '@mosaic/kit';
import type { accountEvents } from '@mosaic/accounts/events';
import { deleteCartsOf } from '../data/carts-repo';
import { anonymiseBuyer } from '../data/orders-repo';

/**
 * An account was deleted. Orders are financial records (invoices, refunds, tax audits must still
 * add up), so they are kept but anonymised: no buyer, no shipping address, no actor in their
 * history. The user's cart goes. All in the transaction that records the event as handled.
 */
export const forgetDeletedAccount: EventHandler<typeof accountEvents, 'account.deleted'> = async (event, { tx, log }) => {
  const anonymised = await anonymiseBuyer(tx, event.payload.userId);
  await deleteCartsOf(tx, event.payload.userId);
  log.info({ userId: event.payload.userId, anonymised }, 'anonymised the orders of a deleted account');
};
