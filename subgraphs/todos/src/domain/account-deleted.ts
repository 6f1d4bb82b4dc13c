import { bindTenant, type EventHandler } from '@mosaic/kit';
import type { accountEvents } from '@mosaic/accounts/events';
import { deleteCommentsBy } from '../data/comments-repo';
import { deleteLabelsOf } from '../data/labels-repo';
import { forgetProjectsOf } from '../data/projects-repo';
import { deleteRemindersOf } from '../data/reminders-repo';
import { deleteSavedFiltersOf } from '../data/saved-filters-repo';
import { deleteTodosOfOwner } from '../data/todos-repo';

/**
 * An account was deleted: its personal todos, comments, labels and projects (with the todos in
 * them) go, and it leaves the projects shared with it — in the transaction that records the event
 * as handled, bound to that user's personal scope, so row-level security lets exactly those
 * through. Todos they shared with an organisation belong to it and stay.
 */
export const forgetDeletedAccount: EventHandler<typeof accountEvents, 'account.deleted'> = async (event, { tx, log }) => {
  const userId = event.payload.userId;
  await bindTenant(tx, { userId, tenantId: null, admin: false });
  await deleteCommentsBy(tx, userId);
  await deleteRemindersOf(tx, userId);
  await deleteSavedFiltersOf(tx, userId);
  const removed = await deleteTodosOfOwner(tx, userId);
  await deleteLabelsOf(tx, userId);
  await forgetProjectsOf(tx, userId);
  log.info({ userId, removed }, 'removed the todos of a deleted account');
};
