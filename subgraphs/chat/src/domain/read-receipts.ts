import { UserInputError, topicStream, userReference, type UserReference } from '@mosaic/kit';
import type { Context } from '../context';
import type { MessageRow, RoomRow } from '../data/tables';
import { receiptsTopic, roomShareKey, type ReadReceiptPayload } from './events';
import { assertMayRead, isDirect, roomAccess } from './room-access';

type ReceiptContext = Pick<Context, 'auth' | 'loaders' | 'settings'>;

/** Direct conversations always; other rooms while they have at most the configured number of members. */
export async function keepsReceipts(ctx: Pick<Context, 'loaders' | 'settings'>, room: RoomRow): Promise<boolean> {
  return isDirect(room) || (await ctx.loaders.memberCount.load(room.id)) <= ctx.settings.readReceiptsMaxMembers;
}

/**
 * `Message.readBy`: members whose read marker is at or after the message, the author aside; null
 * for a reply in a thread and in rooms too large for receipts. Three batched loads, whatever the
 * number of messages (room, member count, readers).
 */
export async function readByOf(ctx: ReceiptContext, message: MessageRow): Promise<UserReference[] | null> {
  if (message.threadRootId !== null) return null;
  const room = await ctx.loaders.roomById.load(message.roomId);
  if (!room || !(await keepsReceipts(ctx, room))) return null;
  return (await ctx.loaders.readers.load(message.id)).map((reader) => userReference(reader.userId));
}

/** After a marker moved (committed): the room's `readReceipts` subscribers. Ephemeral like typing: `readBy` is the truth. */
export async function publishReceipt(ctx: Pick<Context, 'pubsub' | 'log' | 'loaders' | 'settings'>, room: RoomRow, receipt: ReadReceiptPayload): Promise<void> {
  try {
    if (await keepsReceipts(ctx, room)) await ctx.pubsub.publish(receiptsTopic(room.id), receipt);
  } catch (error) {
    ctx.log.warn({ err: error, roomId: room.id }, 'read receipt not published');
  }
}

/** `readReceipts(roomId)`: readers of the room (as `messageEvents`), only where receipts are kept. */
export async function openReadReceipts(ctx: ReceiptContext & Pick<Context, 'pubsub'>, roomId: string): Promise<AsyncIterableIterator<ReadReceiptPayload>> {
  const access = await roomAccess(ctx, roomId);
  assertMayRead(access);
  if (!(await keepsReceipts(ctx, access.room))) {
    throw new UserInputError(`roomId: read receipts are kept only in direct conversations and rooms of up to ${ctx.settings.readReceiptsMaxMembers} members; this one has more.`, 'roomId');
  }
  return topicStream<ReadReceiptPayload>(ctx.pubsub, receiptsTopic(roomId), { shareKey: roomShareKey(roomId), bufferLimit: 500 });
}
