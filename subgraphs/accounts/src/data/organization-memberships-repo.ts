import { and, eq, isNotNull, lt, sql } from 'drizzle-orm';
import type { Db } from '@mosaic/kit';
import { organizationMemberships, sessions } from './tables';

/** The user's current role in the organisation, or undefined when they are not a member. */
export async function findMemberRole(db: Db, userId: string, organizationId: string): Promise<string | undefined> {
  const [row] = await db
    .select({ role: organizationMemberships.role })
    .from(organizationMemberships)
    .where(and(eq(organizationMemberships.userId, userId), eq(organizationMemberships.organizationId, organizationId), isNotNull(organizationMemberships.role)));
  return row?.role ?? undefined;
}

/** Applies one membership state if it is newer than what is stored (events may be redelivered or replayed). */
export async function applyMembershipState(db: Db, state: { userId: string; organizationId: string; role: string | null; changedAt: Date }): Promise<void> {
  await db
    .insert(organizationMemberships)
    .values(state)
    .onConflictDoUpdate({
      target: [organizationMemberships.userId, organizationMemberships.organizationId],
      set: { role: sql`excluded.role`, changedAt: sql`excluded.changed_at` },
      setWhere: lt(organizationMemberships.changedAt, sql`excluded.changed_at`),
    });
}

export async function setSessionOrganization(db: Db, sessionId: string, organizationId: string | null): Promise<void> {
  await db.update(sessions).set({ organizationId }).where(eq(sessions.id, sessionId));
}
