import { z } from 'zod';
import { RateLimitedError, UnauthenticatedError, validate } from '@mosaic/kit';
import type { Context } from '../context';
import { clearLoginAttempts, findUserByEmail, lockedUntil, reserveLoginAttempt } from '../data/users-repo';
import type { UserRow } from '../data/tables';
import { burnPasswordCheck, normalizeEmail, verifyPassword } from './credentials';
import { issueSession, type Session } from './sessions';

export const LOCK_AFTER_FAILED_ATTEMPTS = 5;
export const LOCK_DURATION = '15 minutes';

/** Bounds only: a wrong-but-well-formed email must look exactly like a wrong password. */
const loginInput = z.object({
  email: z.string().min(1, 'must not be empty').max(254, 'must be at most 254 characters'),
  password: z.string().min(1, 'must not be empty').max(1024, 'must be at most 1024 characters'),
});

const incorrect = () => new UnauthenticatedError('The email or password is incorrect.');

type LoginContext = Pick<Context, 'db' | 'loaders' | 'keys' | 'tokenSettings' | 'now' | 'signedIn'>;

export async function login(ctx: LoginContext, input: unknown): Promise<Session> {
  const { email, password } = validate(loginInput, input);
  const user = await findUserByEmail(ctx.db, normalizeEmail(email));
  if (!user) {
    await burnPasswordCheck(password);
    throw incorrect();
  }
  await checkPasswordThrottled(ctx, user, password);
  const session = await issueSession(ctx, ctx.db, user);
  ctx.loaders.userById.prime(user.id, user);
  return session;
}

/**
 * Checks a password under the per-account attempt limit: the attempt is counted before the hash
 * is verified, so concurrent guesses cannot exceed the limit; success clears the count. Throws
 * RATE_LIMITED while the account is locked and UNAUTHENTICATED for a wrong password.
 */
export async function checkPasswordThrottled(ctx: Pick<Context, 'db' | 'now'>, user: UserRow, password: string): Promise<void> {
  const now = ctx.now();
  if (!(await reserveLoginAttempt(ctx.db, user.id, LOCK_AFTER_FAILED_ATTEMPTS, LOCK_DURATION, now))) {
    const until = (await lockedUntil(ctx.db, user.id)) ?? now;
    const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
    throw new RateLimitedError(
      `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
      Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000)),
    );
  }
  if (!(await verifyPassword(user.passwordHash, password))) throw incorrect();
  await clearLoginAttempts(ctx.db, user.id);
}
