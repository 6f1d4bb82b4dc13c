import { encodeId, userReference } from '@mosaic/kit';
import type { ReadReceiptResolvers } from '../resolvers.generated';

/** Pub/sub payloads carry raw ids; the public ids are made here. */
export const ReadReceipt: ReadReceiptResolvers = {
  roomId: (event) => encodeId('Room', event.roomId),
  user: (event) => userReference(event.userId),
  upToMessageId: (event) => encodeId('Message', event.upToMessageId),
  readAt: (event) => new Date(event.readAt),
};
