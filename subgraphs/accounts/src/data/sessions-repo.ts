import { and, desc, eq, inArray, isNull, ne } from 'drizzle-orm';
import type { Db } from '@mosaic/kit';
import { refreshTokens, sessions, type SessionRow } from './tables';

export async function insertSession(db: Db, session: typeof sessions.$inferInsert): Promise<SessionRow> {
  const [row] = await db.insert(sessions).values(session).returning();
  return row!;
}

export async function findSession(db: Db, id: string): Promise<SessionRow | undefined> {
  const [row] = await db.select().from(sessions).where(eq(sessions.id, id));
  return row;
}

/** Active sessions of many users, most recently used first (one statement for a list of users). */
export async function findActiveSessionsOfUsers(db: Db, userIds: readonly string[]): Promise<SessionRow[]> {
  return db
    .select()
    .from(sessions)
    .where(and(inArray(sessions.userId, [...userIds]), isNull(sessions.revokedAt)))
    .orderBy(desc(sessions.lastUsedAt), desc(sessions.id));
}

export async function touchSession(db: Db, id: string, now: Date, client: { userAgent: string | null; ipPrefix: string | null }): Promise<void> {
  await db
    .update(sessions)
    .set({ lastUsedAt: now, ...(client.userAgent ? { userAgent: client.userAgent } : {}), ...(client.ipPrefix ? { ipPrefix: client.ipPrefix } : {}) })
    .where(eq(sessions.id, id));
}

/** A fresh interactive authentication (step-up) inside an existing session. */
export async function recordSessionAuthentication(db: Db, id: string, authTime: Date, amr: string[]): Promise<void> {
  await db.update(sessions).set({ authTime, amr, lastUsedAt: authTime }).where(eq(sessions.id, id));
}

/**
 * Ends sessions (and their refresh tokens) of `userId`: all of them, all but `except`, or one.
 * Returns how many were active.
 */
export async function revokeSessions(db: Db, userId: string, now: Date, which: { only?: string; except?: string } = {}): Promise<number> {
  const conditions = [eq(sessions.userId, userId), isNull(sessions.revokedAt)];
  if (which.only) conditions.push(eq(sessions.id, which.only));
  if (which.except) conditions.push(ne(sessions.id, which.except));
  const revoked = await db.update(sessions).set({ revokedAt: now }).where(and(...conditions)).returning({ id: sessions.id });
  if (revoked.length > 0) {
    await db
      .update(refreshTokens)
      .set({ revokedAt: now })
      .where(and(inArray(refreshTokens.familyId, revoked.map((s) => s.id)), isNull(refreshTokens.revokedAt)));
  }
  return revoked.length;
}
