import { and, asc, count, eq, inArray } from 'drizzle-orm';
import type { Db } from '@mosaic/kit';
import { memberships, type MembershipRow } from './tables';

export async function insertMembership(db: Db, row: MembershipRow): Promise<MembershipRow> {
  const [inserted] = await db.insert(memberships).values(row).returning();
  return inserted!;
}

/** Every member of each organisation asked for, oldest first: one statement for any number of them. */
export function findMembersOf(db: Db, organizationIds: readonly string[]): Promise<MembershipRow[]> {
  return db
    .select()
    .from(memberships)
    .where(inArray(memberships.organizationId, [...organizationIds]))
    .orderBy(asc(memberships.joinedAt), asc(memberships.userId));
}

/** Every membership of each user asked for, oldest first. */
export function findMembershipsOfUsers(db: Db, userIds: readonly string[]): Promise<MembershipRow[]> {
  return db
    .select()
    .from(memberships)
    .where(inArray(memberships.userId, [...userIds]))
    .orderBy(asc(memberships.joinedAt), asc(memberships.organizationId));
}

export async function findMembership(db: Db, organizationId: string, userId: string): Promise<MembershipRow | undefined> {
  const [row] = await db
    .select()
    .from(memberships)
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, userId)));
  return row;
}

export async function countMembers(db: Db, organizationId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(memberships).where(eq(memberships.organizationId, organizationId));
  return row!.n;
}

export async function countOwners(db: Db, organizationId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(memberships)
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.role, 'owner')));
  return row!.n;
}

export async function updateMembershipRole(db: Db, organizationId: string, userId: string, role: string): Promise<MembershipRow> {
  const [row] = await db
    .update(memberships)
    .set({ role })
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, userId)))
    .returning();
  return row!;
}

export async function deleteMembership(db: Db, organizationId: string, userId: string): Promise<void> {
  await db.delete(memberships).where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, userId)));
}
