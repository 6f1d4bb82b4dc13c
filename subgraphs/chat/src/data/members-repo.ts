import { and, asc, count, eq, getTableColumns, inArray, ne, sql } from 'drizzle-orm';
import type { Db } from '@mosaic/kit';
import { uuidRows } from './id-list';
import { members, type MemberRow, type RoomRole } from './tables';

/** The user's memberships among these rooms (rooms they are not in are absent). */
export async function findMemberships(db: Db, userId: string, roomIds: readonly string[]): Promise<MemberRow[]> {
  return db
    .select()
    .from(members)
    .where(and(eq(members.userId, userId), inArray(members.roomId, [...roomIds])));
}

export async function findMember(db: Db, roomId: string, userId: string): Promise<MemberRow | undefined> {
  const [row] = await db
    .select()
    .from(members)
    .where(and(eq(members.roomId, roomId), eq(members.userId, userId)));
  return row;
}

/** Adds the member unless they already are one; the existing row wins (joining twice changes nothing). */
export async function insertMember(db: Db, member: MemberRow): Promise<MemberRow> {
  const [inserted] = await db.insert(members).values(member).onConflictDoNothing().returning();
  return inserted ?? (await findMember(db, member.roomId, member.userId))!;
}

/** Several members at once (a new direct conversation's participants). */
export async function insertMembers(db: Db, rows: MemberRow[]): Promise<void> {
  if (rows.length > 0) await db.insert(members).values(rows).onConflictDoNothing();
}

export async function deleteMember(db: Db, roomId: string, userId: string): Promise<boolean> {
  const rows = await db
    .delete(members)
    .where(and(eq(members.roomId, roomId), eq(members.userId, userId)))
    .returning({ userId: members.userId });
  return rows.length === 1;
}

export async function setMemberRole(db: Db, roomId: string, userId: string, role: RoomRole): Promise<MemberRow | undefined> {
  const [row] = await db
    .update(members)
    .set({ role })
    .where(and(eq(members.roomId, roomId), eq(members.userId, userId)))
    .returning();
  return row;
}

/** Members other than `userId`, and how many of them are owners (for the leave and demote rules). */
export async function countOtherMembers(db: Db, roomId: string, userId: string): Promise<{ members: number; owners: number }> {
  const [row] = await db
    .select({ members: count(), owners: sql<number>`count(*) filter (where ${members.role} = 'OWNER')`.mapWith(Number) })
    .from(members)
    .where(and(eq(members.roomId, roomId), ne(members.userId, userId)));
  return row ?? { members: 0, owners: 0 };
}

/**
 * Moves the read marker forward to `messageId` (never back: a late request from another tab must
 * not undo a newer one). uuid comparison is byte order, which for uuidv7 is time order. True when
 * it moved (a read receipt to announce); marking the same message again changes nothing.
 */
export async function advanceReadMarker(db: Db, roomId: string, userId: string, messageId: string): Promise<boolean> {
  const moved = await db
    .update(members)
    .set({ lastReadMessageId: sql`greatest(${members.lastReadMessageId}, ${messageId}::uuid)` })
    .where(and(eq(members.roomId, roomId), eq(members.userId, userId), sql`(${members.lastReadMessageId} is null or ${members.lastReadMessageId} < ${messageId}::uuid)`))
    .returning({ userId: members.userId });
  return moved.length > 0;
}

/** The sort key of member lists: join order, ties broken by user id. */
export interface MemberKeyset {
  joinedAt: string;
  userId: string;
}

export interface MemberPageQuery {
  limit: number;
  after: MemberKeyset | null;
}

/** One page of members per room for many rooms, in ONE statement (a lateral index range scan per room). */
export async function findMemberPages(db: Db, roomIds: readonly string[], query: MemberPageQuery): Promise<MemberRow[]> {
  if (roomIds.length === 0) return [];
  const order = [asc(members.joinedAt), asc(members.userId)];
  const after = query.after;
  const page = db
    .select({ ...getTableColumns(members), position: sql<number>`row_number() over (order by ${members.joinedAt}, ${members.userId})`.as('position') })
    .from(members)
    .where(
      and(
        sql`${members.roomId} = parents.id`,
        after ? sql`(${members.joinedAt}, ${members.userId}) > (${after.joinedAt}::timestamptz, ${after.userId}::uuid)` : undefined,
      ),
    )
    .orderBy(...order)
    .limit(query.limit + 1)
    .as('page');
  return db
    .select({ roomId: page.roomId, userId: page.userId, role: page.role, joinedAt: page.joinedAt, lastReadMessageId: page.lastReadMessageId })
    .from(uuidRows(roomIds, 'parents'))
    .crossJoinLateral(page)
    .orderBy(sql`parents.ord`, page.position);
}

/** Member counts per room in one statement; rooms without members are absent. */
export async function countMembers(db: Db, roomIds: readonly string[]): Promise<{ roomId: string; count: number }[]> {
  return db
    .select({ roomId: members.roomId, count: count() })
    .from(members)
    .where(inArray(members.roomId, [...roomIds]))
    .groupBy(members.roomId);
}
