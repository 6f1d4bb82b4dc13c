import { z } from 'zod';
import { UnauthenticatedError, validate } from '@mosaic/kit';
import type { Context } from '../context';
import type { UserRow } from '../data/tables';
import { findUserByEmail } from '../data/users-repo';
import { burnPasswordCheck, normalizeEmail, verifyPassword } from './credentials';
import { issueSession, type Session } from './sessions';
import { reserveSignInAttempt, signInSucceeded } from './throttle';
import { requireSecondFactorIfEnabled } from './two-factor/challenge';

/** Bounds only: a wrong-but-well-formed email must look exactly like a wrong password. */
const loginInput = z.object({
  email: z.string().min(1, 'must not be empty').max(254, 'must be at most 254 characters'),
  password: z.string().min(1, 'must not be empty').max(1024, 'must be at most 1024 characters'),
});

const incorrect = () => new UnauthenticatedError('The email or password is incorrect.');

export type LoginContext = Pick<Context, 'db' | 'loaders' | 'keys' | 'tokenSettings' | 'now' | 'signedIn' | 'client'>;

/**
 * Email + password. With two-factor authentication on, the answer is SECOND_FACTOR_REQUIRED with
 * a challenge for `completeLogin` instead of a session.
 */
export async function login(ctx: LoginContext, input: unknown): Promise<Session> {
  const { email, password } = validate(loginInput, input);
  const user = await checkPassword(ctx, normalizeEmail(email), password);
  await requireSecondFactorIfEnabled(ctx, user, 'pwd');
  const session = await issueSession(ctx, ctx.db, user, { amr: ['pwd'] });
  ctx.loaders.userById.prime(user.id, session.user);
  return session;
}

/**
 * The password check every sign-in path shares. Known and unknown emails take the same steps —
 * one lookup, one attempt counted in the same buckets, one Argon2 verification — and fail with
 * the same error, so neither the answer nor its timing tells whether an account exists.
 */
export async function checkPassword(ctx: Pick<Context, 'db' | 'now' | 'client'>, normalizedEmail: string, password: string): Promise<UserRow> {
  const user = await findUserByEmail(ctx.db, normalizedEmail);
  await reserveSignInAttempt(ctx, normalizedEmail);
  const matches = user?.passwordHash ? await verifyPassword(user.passwordHash, password) : await burnPasswordCheck(password);
  if (!user || !matches) throw incorrect();
  await signInSucceeded(ctx, normalizedEmail);
  return user;
}
