import { ForbiddenError, pageSize, toConnection, validate, type Connection, type PageArgs } from '@mosaic/kit';
import { z } from 'zod';
import type { Context } from '../context';
import { primeRooms } from '../data/loaders';
import { findRoomsOfMember, findVisibleRooms, type RoomHit } from '../data/rooms-repo';
import { ROOM_VISIBILITIES, type MemberRow, type MessageRow, type RoomRow } from '../data/tables';
import { decodeMemberCursor, decodeMessageCursor, decodeRoomCursor, memberCursorKey, messageCursorKey, roomCursorKey } from './cursors';
import { accessTo, assertMayRead } from './room-access';
import { roomSearchSchema } from './text';

type ListContext = Pick<Context, 'auth' | 'loaders' | 'db'>;

const DEFAULT_MEMBER_PAGE_SIZE = 50;

const filterSchema = z
  .object({
    search: roomSearchSchema.nullish(),
    visibility: z.enum(ROOM_VISIBILITIES).nullish(),
    joined: z.boolean().nullish(),
    direct: z.boolean().nullish(),
  })
  .nullish();

function roomConnection(ctx: ListContext, hits: RoomHit[], limit: number, after: string | null | undefined): Connection<RoomRow> {
  // The rows carry the viewer's membership: `viewerRole`, `unreadCount` and access checks of the
  // rooms' fields need no statement of their own to find it.
  primeRooms(ctx.loaders, hits);
  return toConnection(
    hits.map((hit) => hit.room),
    limit,
    roomCursorKey,
    after,
  );
}

/** `Query.chatRooms`: public rooms and the viewer's rooms, most recently active first. */
export async function listRooms(ctx: ListContext, args: PageArgs & { filter?: unknown }): Promise<Connection<RoomRow>> {
  const viewerId = ctx.auth.userId();
  const limit = pageSize(args.first);
  const filter = validate(filterSchema, args.filter, 'filter') ?? {};
  const hits = await findVisibleRooms(ctx.db, {
    viewerId,
    search: filter.search ?? null,
    visibility: filter.visibility ?? null,
    joined: filter.joined ?? null,
    direct: filter.direct ?? null,
    limit,
    after: args.after ? decodeRoomCursor(args.after) : null,
  });
  return roomConnection(ctx, hits, limit, args.after);
}

/**
 * `User.chatRooms`: a user's rooms, to that user only. Mirrors the SDL's `self` policy so the rule
 * holds however the function is reached.
 */
export async function listRoomsOfUser(ctx: ListContext, userId: string, args: PageArgs): Promise<Connection<RoomRow>> {
  if (ctx.auth.userId() !== userId) throw new ForbiddenError('You can only list your own rooms.');
  const limit = pageSize(args.first);
  const hits = await findRoomsOfMember(ctx.db, userId, limit, args.after ? decodeRoomCursor(args.after) : null);
  return roomConnection(ctx, hits, limit, args.after);
}

/** `Room.messages`: newest first, one statement for every room of the operation. */
export async function listMessages(ctx: ListContext, room: RoomRow, args: PageArgs): Promise<Connection<MessageRow>> {
  assertMayRead(await accessTo(ctx, room));
  const limit = pageSize(args.first);
  const rows = await ctx.loaders.messagePage.load({ parentId: room.id, query: { limit, before: args.after ? decodeMessageCursor(args.after) : null } });
  for (const message of rows) ctx.loaders.messageById.prime(message.id, message);
  return toConnection(rows, limit, messageCursorKey, args.after);
}

/** `Room.members`: in join order, one statement for every room of the operation. */
export async function listMembers(ctx: ListContext, room: RoomRow, args: PageArgs): Promise<Connection<MemberRow>> {
  assertMayRead(await accessTo(ctx, room));
  const limit = args.first === null || args.first === undefined ? DEFAULT_MEMBER_PAGE_SIZE : pageSize(args.first);
  const rows = await ctx.loaders.memberPage.load({ parentId: room.id, query: { limit, after: args.after ? decodeMemberCursor(args.after) : null } });
  return toConnection(rows, limit, memberCursorKey, args.after);
}
