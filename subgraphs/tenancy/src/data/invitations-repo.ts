import { and, asc, count, eq, gt, inArray, isNull } from 'drizzle-orm';
import type { Db } from '@mosaic/kit';
import { invitations, type InvitationRow } from './tables';

const open = (now: Date) => and(isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, now));

export async function insertInvitation(db: Db, row: InvitationRow): Promise<InvitationRow> {
  const [inserted] = await db.insert(invitations).values(row).returning();
  return inserted!;
}

/** Open invitations of each organisation asked for, oldest first. */
export function findOpenInvitationsOf(db: Db, organizationIds: readonly string[], now: Date): Promise<InvitationRow[]> {
  return db
    .select()
    .from(invitations)
    .where(and(inArray(invitations.organizationId, [...organizationIds]), open(now)))
    .orderBy(asc(invitations.createdAt), asc(invitations.id));
}

export async function countOpenInvitations(db: Db, organizationId: string, now: Date): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(invitations)
    .where(and(eq(invitations.organizationId, organizationId), open(now)));
  return row!.n;
}

export async function findInvitationByTokenHash(db: Db, tokenHash: string): Promise<InvitationRow | undefined> {
  const [row] = await db.select().from(invitations).where(eq(invitations.tokenHash, tokenHash)).for('update');
  return row;
}

export async function findInvitation(db: Db, id: string): Promise<InvitationRow | undefined> {
  const [row] = await db.select().from(invitations).where(eq(invitations.id, id));
  return row;
}

/** Expired invitations still hold the open-address slot until replaced: this frees it. */
export async function revokeExpiredInvitation(db: Db, organizationId: string, email: string, now: Date): Promise<void> {
  await db
    .update(invitations)
    .set({ revokedAt: now })
    .where(and(eq(invitations.organizationId, organizationId), eq(invitations.email, email), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)));
}

export async function markInvitation(db: Db, id: string, changes: Pick<Partial<InvitationRow>, 'acceptedAt' | 'acceptedBy' | 'revokedAt'>): Promise<void> {
  await db.update(invitations).set(changes).where(eq(invitations.id, id));
}
