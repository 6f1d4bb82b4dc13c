import type { EventHandler } from '@mosaic/kit';
import type { accountEvents } from '@mosaic/accounts/events';
import { deleteOrganizationsOf } from '../data/organization-repo';

/** An account was deleted: its organizations go, in the transaction that records the event as handled. */
export const forgetDeletedAccount: EventHandler<typeof accountEvents, 'account.deleted'> = async (event, { tx, log }) => {
  const removed = await deleteOrganizationsOf(tx, event.payload.userId);
  log.info({ userId: event.payload.userId, removed }, 'removed the organizations of a deleted account');
};
