import { and, isNotNull, lt, or } from 'drizzle-orm';
import type { Db } from '@mosaic/kit';
import { attemptBuckets, externalSignIns, loginChallenges, oidcModels, passwordResets, pendingSignUps } from './tables';

/** A full bucket drains within an hour (100 × 36 s, 20 × 3 min); a day untouched means empty. */
const IDLE_BUCKET_MS = 86_400_000;

/**
 * Deletes what can no longer matter: expired codes, grants, interactions, challenges, pending
 * external sign-ins, sign-ups and password resets, and sign-in budgets long since refilled. Consumed authorization codes stay
 * until they expire, so a code presented twice is still recognised.
 */
export async function purgeExpired(db: Db, now: Date): Promise<void> {
  await db.delete(oidcModels).where(and(isNotNull(oidcModels.expiresAt), lt(oidcModels.expiresAt, now)));
  await db.delete(loginChallenges).where(or(lt(loginChallenges.expiresAt, now), isNotNull(loginChallenges.consumedAt)));
  await db.delete(externalSignIns).where(lt(externalSignIns.expiresAt, now));
  await db.delete(pendingSignUps).where(lt(pendingSignUps.expiresAt, now));
  await db.delete(passwordResets).where(lt(passwordResets.expiresAt, now));
  await db.delete(attemptBuckets).where(lt(attemptBuckets.updatedAt, new Date(now.getTime() - IDLE_BUCKET_MS)));
}
