import type { EventHandler } from '@mosaic/kit';
import type { accountEvents } from '@mosaic/accounts/events';
import { forgetUser } from '../data/departed-users-repo';
import type { ChatOutbox } from '../events';

/**
 * An account was deleted: chat forgets the user (see forgetUser) in the transaction that records
 * the event as handled, and tells live streams their messages are gone.
 */
export const forgetDeletedAccount =
  (events: ChatOutbox, now: () => Date): EventHandler<typeof accountEvents, 'account.deleted'> =>
  async (event, { tx, log }) => {
    const deleted = await forgetUser(tx, event.payload.userId, now());
    await events.emitAll(tx, deleted.map((message) => ({ type: 'chat.message.deleted', payload: { roomId: message.roomId, messageId: message.id } })));
    log.info({ userId: event.payload.userId, deletedMessages: deleted.length }, 'removed the chat data of a deleted account');
  };
