import { and, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '@mosaic/kit';
import { members } from './tables';

const others = alias(members, 'others');

/** Which of these users share at least one room with `viewerId` — one statement for many users. */
export async function findCoMembers(db: Db, viewerId: string, userIds: readonly string[]): Promise<string[]> {
  if (userIds.length === 0) return [];
  const rows = await db
    .selectDistinct({ userId: others.userId })
    .from(members)
    .innerJoin(others, eq(others.roomId, members.roomId))
    .where(and(eq(members.userId, viewerId), inArray(others.userId, [...userIds])));
  return rows.map((row) => row.userId);
}

/** The rooms a user is a member of (where their presence changes are announced). */
export async function findRoomIdsOf(db: Db, userId: string): Promise<string[]> {
  const rows = await db.select({ roomId: members.roomId }).from(members).where(eq(members.userId, userId)).orderBy(sql`${members.roomId}`);
  return rows.map((row) => row.roomId);
}
