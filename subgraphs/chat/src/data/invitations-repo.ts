import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '@mosaic/kit';
import { invitations, type InvitationRow } from './tables';

/** Invites the user unless they already are invited; the existing invitation wins. */
export async function insertInvitation(db: Db, invitation: InvitationRow): Promise<InvitationRow> {
  const [inserted] = await db.insert(invitations).values(invitation).onConflictDoNothing().returning();
  if (inserted) return inserted;
  const [existing] = await db
    .select()
    .from(invitations)
    .where(and(eq(invitations.roomId, invitation.roomId), eq(invitations.userId, invitation.userId)));
  return existing!;
}

/** Uses up the user's invitation to the room; false when there was none. */
export async function deleteInvitation(db: Db, roomId: string, userId: string): Promise<boolean> {
  const rows = await db
    .delete(invitations)
    .where(and(eq(invitations.roomId, roomId), eq(invitations.userId, userId)))
    .returning({ roomId: invitations.roomId });
  return rows.length === 1;
}

/** The user's invitations among these rooms (for "may see this private room"). */
export async function findInvitationsOf(db: Db, userId: string, roomIds: readonly string[]): Promise<InvitationRow[]> {
  return db
    .select()
    .from(invitations)
    .where(and(eq(invitations.userId, userId), inArray(invitations.roomId, [...roomIds])));
}

/** The user's newest pending invitations, at most `limit`. */
export async function listInvitationsOf(db: Db, userId: string, limit: number): Promise<InvitationRow[]> {
  return db
    .select()
    .from(invitations)
    .where(eq(invitations.userId, userId))
    .orderBy(desc(invitations.createdAt), desc(invitations.roomId))
    .limit(limit);
}
