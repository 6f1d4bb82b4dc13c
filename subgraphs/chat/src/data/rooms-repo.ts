import { and, desc, eq, ilike, inArray, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '@mosaic/kit';
import { members, messages, rooms, type MemberRow, type NewRoom, type RoomRow, type RoomVisibility } from './tables';

export async function findRoomsByIds(db: Db, ids: readonly string[]): Promise<RoomRow[]> {
  return db.select().from(rooms).where(inArray(rooms.id, [...ids]));
}

export async function insertRoom(db: Db, room: NewRoom): Promise<RoomRow> {
  const [row] = await db.insert(rooms).values(room).returning();
  return row!;
}

/** A new direct conversation, or nothing when one for the same people exists (it wins; see `rooms.direct_key`). */
export async function insertDirectRoom(db: Db, room: NewRoom & { directKey: string }): Promise<RoomRow | undefined> {
  const [row] = await db.insert(rooms).values(room).onConflictDoNothing({ target: rooms.directKey }).returning();
  return row;
}

export async function findDirectRoom(db: Db, directKey: string): Promise<RoomRow | undefined> {
  const [row] = await db.select().from(rooms).where(eq(rooms.directKey, directKey));
  return row;
}

/**
 * The room locked for the rest of the transaction, with the user's membership (null if none).
 * Every change to a room's membership or messages (read markers aside) takes this lock first, so
 * such changes of one room run one after the other: message ids grow in commit order, and "the
 * last owner" stays true between the check and the write.
 */
export async function lockRoom(db: Db, roomId: string, userId: string): Promise<RoomAccessRow | undefined> {
  return lockRoomWhere(db, eq(lockedRoom.id, roomId), userId);
}

/**
 * Like `lockRoom`, for the room of a message. Writers of a message (edit, delete, react) lock its
 * room first and read the message only then: one lock order everywhere, so no deadlocks, and the
 * message they read is the latest committed one.
 */
export async function lockRoomOfMessage(db: Db, messageId: string, userId: string): Promise<RoomAccessRow | undefined> {
  return lockRoomWhere(db, eq(lockedRoom.id, sql`(select ${messages.roomId} from ${messages} where ${messages.id} = ${messageId})`), userId);
}

/** The room with the user's membership, without a lock (for writes that need no serialising, like read markers). */
export async function findRoomAccess(db: Db, roomId: string, userId: string): Promise<RoomAccessRow | undefined> {
  const [row] = await db
    .select({ room: rooms, membership: members })
    .from(rooms)
    .leftJoin(members, and(eq(members.roomId, rooms.id), eq(members.userId, userId)))
    .where(eq(rooms.id, roomId));
  return row;
}

/** A room with one user's membership in it (null when they are not a member). */
export interface RoomAccessRow {
  room: RoomRow;
  membership: MemberRow | null;
}

/** PostgreSQL wants an unqualified name in `FOR UPDATE OF`; drizzle qualifies tables, not aliases. */
const lockedRoom = alias(rooms, 'locked_room');

async function lockRoomWhere(db: Db, where: SQL, userId: string): Promise<RoomAccessRow | undefined> {
  const [row] = await db
    .select({ room: lockedRoom, membership: members })
    .from(lockedRoom)
    .leftJoin(members, and(eq(members.roomId, lockedRoom.id), eq(members.userId, userId)))
    .where(where)
    // Only the room row: the membership is read, not locked (and may be absent).
    .for('update', { of: lockedRoom });
  return row;
}

export async function updateRoomRow(db: Db, id: string, changes: Partial<Pick<RoomRow, 'name' | 'description'>>): Promise<RoomRow> {
  const [row] = await db.update(rooms).set(changes).where(eq(rooms.id, id)).returning();
  return row!;
}

/** After a message is sent: the newest message and the room's activity time. */
export async function recordMessageSent(db: Db, roomId: string, messageId: string, at: Date): Promise<void> {
  await db.update(rooms).set({ lastMessageId: messageId, lastActivityAt: at }).where(eq(rooms.id, roomId));
}

/** Deletes the room; members, invitations, messages and reactions go with it (foreign keys cascade). */
export async function deleteRoom(db: Db, roomId: string): Promise<void> {
  await db.delete(rooms).where(eq(rooms.id, roomId));
}

/** The sort key of room lists: most recently active first, ties broken by id. */
export interface RoomKeyset {
  lastActivityAt: string;
  id: string;
}

export interface RoomListQuery {
  /** The raw id of the user whose view this is. */
  viewerId: string;
  /** Lower-case-insensitive substring of the name; null = any. */
  search: string | null;
  visibility: RoomVisibility | null;
  /** true: only the viewer's rooms; false: only public rooms the viewer has not joined; null: both. */
  joined: boolean | null;
  /** true: only direct conversations; false: only ordinary rooms; null: both. */
  direct: boolean | null;
  limit: number;
  after: RoomKeyset | null;
}

/** A listed room with the viewer's membership (null when not a member), which callers prime loaders with. */
export type RoomHit = RoomAccessRow;

const newestFirst = [desc(rooms.lastActivityAt), desc(rooms.id)];
const afterKey = (after: RoomKeyset | null): SQL | undefined =>
  after ? sql`(${rooms.lastActivityAt}, ${rooms.id}) < (${after.lastActivityAt}::timestamptz, ${after.id}::uuid)` : undefined;

/** `%`, `_` and `\` typed by the user match themselves, not any text. */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Public rooms and the viewer's rooms (`Query.chatRooms`), one page, in one statement. */
export async function findVisibleRooms(db: Db, query: RoomListQuery): Promise<RoomHit[]> {
  return db
    .select({ room: rooms, membership: members })
    .from(rooms)
    .leftJoin(members, and(eq(members.roomId, rooms.id), eq(members.userId, query.viewerId)))
    .where(
      and(
        or(eq(rooms.visibility, 'PUBLIC'), isNotNull(members.userId)),
        query.joined === null ? undefined : query.joined ? isNotNull(members.userId) : isNull(members.userId),
        query.visibility ? eq(rooms.visibility, query.visibility) : undefined,
        query.direct === null ? undefined : query.direct ? isNotNull(rooms.directKey) : isNull(rooms.directKey),
        query.search ? ilike(rooms.name, containing(query.search)) : undefined,
        afterKey(query.after),
      ),
    )
    .orderBy(...newestFirst)
    .limit(query.limit + 1);
}

/** The rooms a user is a member of (`User.chatRooms`), one page. */
export async function findRoomsOfMember(db: Db, userId: string, limit: number, after: RoomKeyset | null): Promise<RoomHit[]> {
  return db
    .select({ room: rooms, membership: members })
    .from(rooms)
    .innerJoin(members, and(eq(members.roomId, rooms.id), eq(members.userId, userId)))
    .where(afterKey(after))
    .orderBy(...newestFirst)
    .limit(limit + 1);
}
