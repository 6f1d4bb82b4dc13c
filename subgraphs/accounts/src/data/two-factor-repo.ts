import { and, eq, gt, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '@mosaic/kit';
import { loginChallenges, recoveryCodes, totpCredentials, type LoginChallengeRow, type TotpCredentialRow } from './tables';

export async function findTotpCredential(db: Db, userId: string): Promise<TotpCredentialRow | undefined> {
  const [row] = await db.select().from(totpCredentials).where(eq(totpCredentials.userId, userId));
  return row;
}

/** Confirmed credentials of many users (who has 2FA on), one statement. */
export async function findConfirmedTotpUserIds(db: Db, userIds: readonly string[]): Promise<TotpCredentialRow[]> {
  return db
    .select()
    .from(totpCredentials)
    .where(and(inArray(totpCredentials.userId, [...userIds]), sql`${totpCredentials.confirmedAt} is not null`));
}

/** A new, unconfirmed enrolment replaces an earlier unconfirmed one; a confirmed one is never replaced. */
export async function putPendingTotpCredential(db: Db, credential: typeof totpCredentials.$inferInsert): Promise<boolean> {
  const rows = await db
    .insert(totpCredentials)
    .values(credential)
    .onConflictDoUpdate({
      target: totpCredentials.userId,
      set: { secretCiphertext: credential.secretCiphertext, createdAt: credential.createdAt, lastUsedStep: null },
      setWhere: sql`${totpCredentials.confirmedAt} is null`,
    })
    .returning({ userId: totpCredentials.userId });
  return rows.length === 1;
}

/**
 * Records that a code for `step` was accepted — only if no code for this or a later step was,
 * atomically, so the same code presented twice (even concurrently) works once.
 */
export async function acceptTotpStep(db: Db, userId: string, step: number): Promise<boolean> {
  const rows = await db
    .update(totpCredentials)
    .set({ lastUsedStep: step })
    .where(and(eq(totpCredentials.userId, userId), or(isNull(totpCredentials.lastUsedStep), lt(totpCredentials.lastUsedStep, step))))
    .returning({ userId: totpCredentials.userId });
  return rows.length === 1;
}

/** Rewrites the seed under the active key (after a key rotation), unless it changed meanwhile. */
export async function replaceTotpCiphertext(db: Db, userId: string, previous: string, next: string): Promise<void> {
  await db
    .update(totpCredentials)
    .set({ secretCiphertext: next })
    .where(and(eq(totpCredentials.userId, userId), eq(totpCredentials.secretCiphertext, previous)));
}

/** Turns a pending enrolment on; false when it was confirmed (or replaced) meanwhile. */
export async function confirmTotpCredential(db: Db, userId: string, secretCiphertext: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(totpCredentials)
    .set({ confirmedAt: now })
    .where(and(eq(totpCredentials.userId, userId), eq(totpCredentials.secretCiphertext, secretCiphertext), isNull(totpCredentials.confirmedAt)))
    .returning({ userId: totpCredentials.userId });
  return rows.length === 1;
}

export async function deleteTotpCredential(db: Db, userId: string): Promise<void> {
  await db.delete(totpCredentials).where(eq(totpCredentials.userId, userId));
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
}

export async function replaceRecoveryCodes(db: Db, userId: string, codeHashes: readonly string[], newId: () => string, now: Date): Promise<void> {
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await db.insert(recoveryCodes).values(codeHashes.map((codeHash) => ({ id: newId(), userId, codeHash, createdAt: now })));
}

/** Uses a recovery code once: true only for the request that marked it used. */
export async function useRecoveryCode(db: Db, userId: string, codeHash: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(recoveryCodes)
    .set({ usedAt: now })
    .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, codeHash), isNull(recoveryCodes.usedAt)))
    .returning({ id: recoveryCodes.id });
  return rows.length === 1;
}

export async function unusedRecoveryCodeCounts(db: Db, userIds: readonly string[]): Promise<{ userId: string; n: number }[]> {
  return db
    .select({ userId: recoveryCodes.userId, n: sql<number>`count(*)::int` })
    .from(recoveryCodes)
    .where(and(inArray(recoveryCodes.userId, [...userIds]), isNull(recoveryCodes.usedAt)))
    .groupBy(recoveryCodes.userId);
}

export async function insertLoginChallenge(db: Db, challenge: typeof loginChallenges.$inferInsert): Promise<void> {
  await db.insert(loginChallenges).values(challenge);
}

/**
 * Counts an attempt against a live challenge and returns it, or nothing when the challenge is
 * unknown, used, expired or out of attempts.
 */
export async function attemptLoginChallenge(db: Db, tokenHash: string, maxAttempts: number, now: Date): Promise<LoginChallengeRow | undefined> {
  const [row] = await db
    .update(loginChallenges)
    .set({ attempts: sql`${loginChallenges.attempts} + 1` })
    .where(
      and(
        eq(loginChallenges.tokenHash, tokenHash),
        isNull(loginChallenges.consumedAt),
        gt(loginChallenges.expiresAt, now),
        lt(loginChallenges.attempts, maxAttempts),
      ),
    )
    .returning();
  return row;
}

/** Marks the challenge used; false when another request already did (so only one session is issued). */
export async function consumeLoginChallenge(db: Db, id: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(loginChallenges)
    .set({ consumedAt: now })
    .where(and(eq(loginChallenges.id, id), isNull(loginChallenges.consumedAt)))
    .returning({ id: loginChallenges.id });
  return rows.length === 1;
}
