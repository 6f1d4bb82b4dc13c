import { z } from 'zod';
import { AppError, UnauthenticatedError, uuidv7, validate } from '@mosaic/kit';
import type { Context } from '../../context';
import type { UserRow } from '../../data/tables';
import { attemptLoginChallenge, consumeLoginChallenge, findTotpCredential, insertLoginChallenge } from '../../data/two-factor-repo';
import { findUsersByIds } from '../../data/users-repo';
import { issueSession, type Session } from '../sessions';
import { hashOpaqueToken, newOpaqueToken } from '../tokens';
import { AMR_FOR, checkSecondFactor, codeProblem } from './second-factor';

const CHALLENGE_TTL_MS = 5 * 60_000;
const MAX_CODES_PER_CHALLENGE = 5;

/**
 * The answer to a correct first factor when two-factor authentication is on. Modelled on OAuth
 * servers' `mfa_required`: an error code clients branch on, carrying the challenge to send back
 * with a code to `completeLogin`. (Only someone who passed the first factor ever sees it.)
 */
export class SecondFactorRequiredError extends AppError {
  readonly code = 'SECOND_FACTOR_REQUIRED';
  constructor(challenge: string, expiresAt: Date) {
    super(
      'Enter the 6-digit code from your authenticator app (or a recovery code) with completeLogin to finish signing in.',
      { challenge, challengeExpiresAt: expiresAt.toISOString(), methods: ['TOTP', 'RECOVERY_CODE'] },
      'SECOND_FACTOR_REQUIRED',
    );
  }
}

export type ChallengeContext = Pick<Context, 'db' | 'now'>;

/** Returns quietly when the user has no second factor; otherwise throws SECOND_FACTOR_REQUIRED. */
export async function requireSecondFactorIfEnabled(ctx: ChallengeContext, user: UserRow, firstFactor: 'pwd' | 'fed'): Promise<void> {
  const credential = await findTotpCredential(ctx.db, user.id);
  if (!credential?.confirmedAt) return;
  const { challenge, expiresAt } = await startChallenge(ctx, user, firstFactor);
  throw new SecondFactorRequiredError(challenge, expiresAt);
}

export async function startChallenge(ctx: ChallengeContext, user: UserRow, firstFactor: 'pwd' | 'fed'): Promise<{ challenge: string; expiresAt: Date }> {
  const now = ctx.now();
  const challenge = newOpaqueToken();
  const expiresAt = new Date(now.getTime() + CHALLENGE_TTL_MS);
  await insertLoginChallenge(ctx.db, { id: uuidv7(), userId: user.id, tokenHash: hashOpaqueToken(challenge), firstFactor, attempts: 0, expiresAt, createdAt: now });
  return { challenge, expiresAt };
}

const completeLoginInput = z.object({
  challenge: z.string().min(1, 'must not be empty').max(256, 'must be the challenge from SECOND_FACTOR_REQUIRED'),
  code: z.string().min(1, 'must not be empty').max(64, 'must be a 6-digit code or a recovery code'),
});

type CompleteContext = Pick<Context, 'db' | 'loaders' | 'keys' | 'tokenSettings' | 'now' | 'signedIn' | 'client' | 'fieldCipher'>;

/** The first factor's user once the code checks out (shared by completeLogin and the OAuth login page). */
export async function passChallenge(ctx: Omit<CompleteContext, 'loaders' | 'keys' | 'tokenSettings' | 'signedIn' | 'client'>, challenge: string, code: string): Promise<{ user: UserRow; amr: string[] }> {
  const row = await attemptLoginChallenge(ctx.db, hashOpaqueToken(challenge), MAX_CODES_PER_CHALLENGE, ctx.now());
  if (!row) throw new UnauthenticatedError('This sign-in has expired or was already completed. Sign in again.');
  const check = await checkSecondFactor(ctx, row.userId, code, { allowRecoveryCode: true });
  if (!check.ok) throw new UnauthenticatedError(codeProblem(check));
  if (!(await consumeLoginChallenge(ctx.db, row.id, ctx.now()))) throw new UnauthenticatedError('This sign-in was already completed. Sign in again.');
  const [user] = await findUsersByIds(ctx.db, [row.userId]);
  if (!user) throw new UnauthenticatedError('Your account no longer exists.');
  return { user, amr: [row.firstFactor, ...AMR_FOR[check.method]] };
}

export async function completeLogin(ctx: CompleteContext, input: unknown): Promise<Session> {
  const { challenge, code } = validate(completeLoginInput, input);
  const { user, amr } = await passChallenge(ctx, challenge, code);
  const session = await issueSession(ctx, ctx.db, user, { amr });
  ctx.loaders.userById.prime(user.id, user);
  return session;
}
