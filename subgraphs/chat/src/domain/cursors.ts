import { z } from 'zod';
import { decodeCursor, UserInputError, type CursorValue } from '@mosaic/kit';
import type { MemberKeyset } from '../data/members-repo';
import type { RoomKeyset } from '../data/rooms-repo';
import type { MemberRow, MessageRow, RoomRow, ThreadRow } from '../data/tables';

/**
 * A cursor is the sort key of a page's last item, led by a tag naming the list it belongs to, so
 * a cursor of one list cannot be misread by another.
 */
const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
const instant = z.iso.datetime();

const messageCursor = z.tuple([z.literal('m'), uuid]).transform(([, id]) => id);
const roomCursor = z.tuple([z.literal('r'), instant, uuid]).transform(([, lastActivityAt, id]): RoomKeyset => ({ lastActivityAt, id }));
const replyCursor = z.tuple([z.literal('tr'), uuid]).transform(([, id]) => id);
const threadCursor = z.tuple([z.literal('t'), uuid]).transform(([, lastReplyId]) => lastReplyId);
const mentionCursor = z.tuple([z.literal('me'), uuid]).transform(([, id]) => id);
const searchCursor = z.tuple([z.literal('s'), uuid]).transform(([, id]) => id);
const memberCursor = z.tuple([z.literal('u'), instant, uuid]).transform(([, joinedAt, userId]): MemberKeyset => ({ joinedAt, userId }));

export const messageCursorKey = (message: MessageRow): CursorValue[] => ['m', message.id];
export const roomCursorKey = (room: RoomRow): CursorValue[] => ['r', room.lastActivityAt.toISOString(), room.id];
export const replyCursorKey = (message: MessageRow): CursorValue[] => ['tr', message.id];
export const threadCursorKey = (thread: ThreadRow): CursorValue[] => ['t', thread.lastReplyId];
export const mentionCursorKey = (message: MessageRow): CursorValue[] => ['me', message.id];
export const searchCursorKey = (message: MessageRow): CursorValue[] => ['s', message.id];
export const memberCursorKey = (member: MemberRow): CursorValue[] => ['u', member.joinedAt.toISOString(), member.userId];

function decodeWith<T>(schema: z.ZodType<T>, after: string, arity: number): T {
  const parsed = schema.safeParse(decodeCursor(after, arity));
  if (!parsed.success) throw new UserInputError('"after" is not a cursor of this list. Start again without it.', 'after');
  return parsed.data;
}

/** The raw id of the last message seen: the next page holds older messages. */
export const decodeMessageCursor = (after: string): string => decodeWith(messageCursor, after, 2);
export const decodeRoomCursor = (after: string): RoomKeyset => decodeWith(roomCursor, after, 3);
/** The raw id of the last reply seen: the next page holds newer replies. */
export const decodeReplyCursor = (after: string): string => decodeWith(replyCursor, after, 2);
/** The last reply id of the previous page's last thread. */
export const decodeThreadCursor = (after: string): string => decodeWith(threadCursor, after, 2);
export const decodeMentionCursor = (after: string): string => decodeWith(mentionCursor, after, 2);
export const decodeSearchCursor = (after: string): string => decodeWith(searchCursor, after, 2);
export const decodeMemberCursor = (after: string): MemberKeyset => decodeWith(memberCursor, after, 3);
