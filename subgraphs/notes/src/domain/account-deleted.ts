import { bindTenant, type EventHandler } from '@mosaic/kit';
import type { accountEvents } from '@mosaic/accounts/events';
import { deleteNotesOfOwner } from '../data/notes-repo';
import { deleteSharesWithUser } from '../data/shares-repo';

/**
 * An account was deleted: its personal notes go, in the transaction that records the event as
 * handled — bound to that user's personal scope, so row-level security lets exactly those through.
 * Notes shared with an organisation stay with it; shares with the user go (no row-level security there).
 */
export const forgetDeletedAccount: EventHandler<typeof accountEvents, 'account.deleted'> = async (event, { tx, log }) => {
  await bindTenant(tx, { userId: event.payload.userId, tenantId: null, admin: false });
  const removed = await deleteNotesOfOwner(tx, event.payload.userId);
  await deleteSharesWithUser(tx, event.payload.userId);
  log.info({ userId: event.payload.userId, removed }, 'removed the notes of a deleted account');
};
