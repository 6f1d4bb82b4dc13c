import { NotFoundError } from '@mosaic/kit';
import type { Context } from '../context';
import type { MessageRow, RoomRole, RoomRow } from '../data/tables';
import { accessTo } from './room-access';

/**
 * Fields of rooms and messages that load related rows, through the request's loaders (one
 * statement per field for a whole list). Their parents were already authorised by whatever
 * returned them (a root field, a list, an entity reference, an event).
 */
type FieldContext = Pick<Context, 'auth' | 'loaders'>;

export const memberCountOf = (ctx: FieldContext, room: RoomRow): Promise<number> => ctx.loaders.memberCount.load(room.id);

export async function viewerRoleOf(ctx: FieldContext, room: RoomRow): Promise<RoomRole | null> {
  return (await accessTo(ctx, room)).membership?.role ?? null;
}

/** The room of a readable message (rooms are deleted only with their messages). */
export async function roomOf(ctx: FieldContext, roomId: string): Promise<RoomRow> {
  const room = await ctx.loaders.roomById.load(roomId);
  if (!room) throw new NotFoundError('Room');
  return room;
}

/** The message replied to: same room, so readable by whoever reads the reply. */
export async function replyToOf(ctx: FieldContext, message: MessageRow): Promise<MessageRow | null> {
  return message.replyToId === null ? null : ctx.loaders.messageById.load(message.replyToId);
}
