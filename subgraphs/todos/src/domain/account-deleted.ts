import { bindTenant, type EventHandler } from '@mosaic/kit';
import type { accountEvents } from '@mosaic/accounts/events';
import { deleteTodosOfOwner } from '../data/todos-repo';

/**
 * An account was deleted: its personal todos go, in the transaction that records the event as
 * handled — bound to that user's personal scope, so row-level security lets exactly those through.
 * Todos they shared with an organisation belong to it and stay.
 */
export const forgetDeletedAccount: EventHandler<typeof accountEvents, 'account.deleted'> = async (event, { tx, log }) => {
  await bindTenant(tx, { userId: event.payload.userId, tenantId: null, admin: false });
  const removed = await deleteTodosOfOwner(tx, event.payload.userId);
  log.info({ userId: event.payload.userId, removed }, 'removed the todos of a deleted account');
};
