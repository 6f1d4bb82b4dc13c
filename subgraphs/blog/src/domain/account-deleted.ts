import type { EventHandler } from '@mosaic/kit';
import type { accountEvents } from '@mosaic/accounts/events';
import { deletePostsOf } from '../data/post-repo';

/** An account was deleted: its posts go, in the transaction that records the event as handled. */
export const forgetDeletedAccount: EventHandler<typeof accountEvents, 'account.deleted'> = async (event, { tx, log }) => {
  const removed = await deletePostsOf(tx, event.payload.userId);
  log.info({ userId: event.payload.userId, removed }, 'removed the posts of a deleted account');
};
