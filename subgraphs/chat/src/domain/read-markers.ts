import { NotFoundError, UserInputError, refreshLoaders } from '@mosaic/kit';
import type { Context } from '../context';
import { advanceReadMarker } from '../data/members-repo';
import { findMessageInRoom } from '../data/messages-repo';
import { findRoomAccess } from '../data/rooms-repo';
import type { RoomRow } from '../data/tables';
import { publishReceipt } from './read-receipts';
import { accessTo, assertMember } from './room-access';

/**
 * Moves the viewer's read marker to a message of the room, or to the newest one. Markers only
 * move forward, so a stale request (another tab, a retry) cannot make read messages unread.
 */
export async function markRoomRead(ctx: Pick<Context, 'auth' | 'db' | 'loaders' | 'now' | 'pubsub' | 'log' | 'settings'>, roomId: string, upToMessageId: string | null): Promise<RoomRow> {
  const viewerId = ctx.auth.userId();
  // No room lock: the marker write is one statement, and `greatest` makes concurrent ones commute.
  const access = await findRoomAccess(ctx.db, roomId, viewerId);
  if (!access) throw new NotFoundError('Room');
  assertMember(access);
  if (upToMessageId !== null && !(await findMessageInRoom(ctx.db, upToMessageId, roomId))) {
    throw new UserInputError('upToMessageId: must be a message of this room.', 'upToMessageId');
  }
  const upTo = upToMessageId ?? access.room.lastMessageId;
  const moved = upTo !== null && (await advanceReadMarker(ctx.db, roomId, viewerId, upTo));
  refreshLoaders(ctx.loaders);
  if (moved) await publishReceipt(ctx, access.room, { roomId, userId: viewerId, upToMessageId: upTo, readAt: ctx.now().toISOString() });
  return access.room;
}

/** `Room.unreadCount`: 0 for a non-member; batched across rooms. */
export async function unreadCountOf(ctx: Pick<Context, 'auth' | 'loaders'>, room: RoomRow): Promise<number> {
  const access = await accessTo(ctx, room);
  return access.membership ? ctx.loaders.unreadCount.load(room.id) : 0;
}
