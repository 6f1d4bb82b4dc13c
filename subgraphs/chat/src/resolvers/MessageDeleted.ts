import { encodeId } from '@mosaic/kit';
import type { MessageDeletedResolvers } from '../resolvers.generated';

/** Pub/sub payloads carry raw ids (they stay internal); the public ids are made here. */
export const MessageDeleted: MessageDeletedResolvers = {
  messageId: (event) => encodeId('Message', event.messageId),
  roomId: (event) => encodeId('Room', event.roomId),
};
