import type { EventHandler } from '@mosaic/kit';
import type { accountEvents } from '@mosaic/accounts/events';
import { deleteInteractionsOf } from '../data/interactions-repo';

/**
 * An account was deleted: its behaviour goes, in the transaction that records the event as
 * handled; the next training forgets it (the model in service holds no personal data beyond
 * anonymous factor rows keyed by the raw id, replaced at that training).
 */
export const forgetDeletedAccount: EventHandler<typeof accountEvents, 'account.deleted'> = async (event, { tx, log }) => {
  const removed = await deleteInteractionsOf(tx, event.payload.userId);
  log.info({ userId: event.payload.userId, removed }, 'removed the interactions of a deleted account');
};
