import { and, desc, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '@mosaic/kit';
import { passwordResets, pendingSignUps, type PasswordResetRow, type PendingSignUpRow } from './tables';

export async function insertPendingSignUp(db: Db, row: typeof pendingSignUps.$inferInsert): Promise<void> {
  await db.insert(pendingSignUps).values(row);
}

/** Counts an attempt against a live pending sign-up and returns it (nothing when unknown, expired or out of attempts). */
export async function attemptPendingSignUp(db: Db, tokenHash: string, maxAttempts: number, now: Date): Promise<PendingSignUpRow | undefined> {
  const [row] = await db
    .update(pendingSignUps)
    .set({ attempts: sql`${pendingSignUps.attempts} + 1` })
    .where(and(eq(pendingSignUps.tokenHash, tokenHash), gt(pendingSignUps.expiresAt, now), lt(pendingSignUps.attempts, maxAttempts)))
    .returning();
  return row;
}

/** Takes the pending sign-up (single use): true for the one request that deleted it. */
export async function takePendingSignUp(db: Db, id: string): Promise<boolean> {
  return (await db.delete(pendingSignUps).where(eq(pendingSignUps.id, id)).returning({ id: pendingSignUps.id })).length === 1;
}

export async function insertPasswordReset(db: Db, row: typeof passwordResets.$inferInsert): Promise<void> {
  await db.insert(passwordResets).values(row);
}

/** The newest live, unused reset for `email`, with this attempt counted. */
export async function attemptPasswordReset(db: Db, email: string, maxAttempts: number, now: Date): Promise<PasswordResetRow | undefined> {
  const [latest] = await db
    .select({ id: passwordResets.id })
    .from(passwordResets)
    .where(and(eq(passwordResets.email, email), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now)))
    .orderBy(desc(passwordResets.createdAt))
    .limit(1);
  if (!latest) return undefined;
  const [row] = await db
    .update(passwordResets)
    .set({ attempts: sql`${passwordResets.attempts} + 1` })
    .where(and(eq(passwordResets.id, latest.id), lt(passwordResets.attempts, maxAttempts)))
    .returning();
  return row;
}

/** Marks every open reset of the email used: one reset ends them all. False when another request won. */
export async function usePasswordResets(db: Db, email: string, id: string, now: Date): Promise<boolean> {
  const used = await db
    .update(passwordResets)
    .set({ usedAt: now })
    .where(and(eq(passwordResets.email, email), isNull(passwordResets.usedAt)))
    .returning({ id: passwordResets.id });
  return used.some((row) => row.id === id);
}
