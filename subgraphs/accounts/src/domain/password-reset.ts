import { z } from 'zod';
import { UnauthenticatedError, UserInputError, uuidv7, validate } from '@mosaic/kit';
import type { Context } from '../context';
import { attemptPasswordReset, insertPasswordReset, usePasswordResets } from '../data/email-codes-repo';
import { revokeSessions } from '../data/sessions-repo';
import { findUserByEmail, updatePasswordHash } from '../data/users-repo';
import { hashPassword, normalizeEmail, passwordProblem } from './credentials';
import { emailCodeMatches, hashEmailCode, newEmailCode, sendInBackground } from './email-codes';
import { reserveMailRequest } from './throttle';

const RESET_TTL_MS = 30 * 60_000;
const MAX_CODES_PER_RESET = 5;

const emailInput = z.string().min(1, 'must not be empty').max(254, 'must be at most 254 characters');

/**
 * Mails a reset code when the email has an account. The answer is `true` either way, after the
 * same work (a request counted, a lookup, a reset row stored — one with no user and a code nobody
 * was sent for an unknown email); the mail itself is sent in the background.
 */
export async function requestPasswordReset(ctx: Pick<Context, 'db' | 'now' | 'client' | 'mailer' | 'log'>, email: unknown): Promise<true> {
  const normalized = normalizeEmail(validate(emailInput, email, 'email'));
  await reserveMailRequest(ctx, 'password-reset', normalized);
  const user = await findUserByEmail(ctx.db, normalized);
  const code = newEmailCode();
  const now = ctx.now();
  await insertPasswordReset(ctx.db, {
    id: uuidv7(),
    email: normalized,
    userId: user?.id ?? null,
    codeHash: hashEmailCode(user ? code : newEmailCode()),
    attempts: 0,
    expiresAt: new Date(now.getTime() + RESET_TTL_MS),
    createdAt: now,
  });
  if (user) {
    sendInBackground(ctx.mailer, ctx.log, {
      to: normalized,
      subject: `Your Mosaic password reset code: ${code}`,
      text: `Enter this code with your new password to reset it: ${code}\nIt works for 30 minutes. If you did not ask for it, ignore this mail; your password stays as it is.`,
    });
  }
  return true;
}

const resetInput = z.object({ email: emailInput, code: z.string().min(1, 'must not be empty').max(32, 'must be the code from the email'), newPassword: z.string() });

const invalid = () => new UnauthenticatedError('The code is not valid or has expired. Ask for a new one with requestPasswordReset.');

/**
 * Sets a new password with the mailed code and ends every session (sign in again — two-factor,
 * when on, still applies: a reset never signs anyone in).
 */
export async function resetPassword(ctx: Pick<Context, 'db' | 'now'>, input: unknown): Promise<true> {
  const { email, code, newPassword } = validate(resetInput, input);
  const normalized = normalizeEmail(email);
  const problem = passwordProblem(newPassword, normalized);
  if (problem) throw new UserInputError(`input.newPassword: ${problem}.`, 'input.newPassword');
  const reset = await attemptPasswordReset(ctx.db, normalized, MAX_CODES_PER_RESET, ctx.now());
  if (!reset?.userId || !emailCodeMatches(reset.codeHash, code)) throw invalid();
  const userId = reset.userId;
  const passwordHash = await hashPassword(newPassword);
  await ctx.db.transaction(async (tx) => {
    const now = ctx.now();
    if (!(await usePasswordResets(tx, normalized, reset.id, now))) throw invalid();
    await updatePasswordHash(tx, userId, passwordHash, now);
    await revokeSessions(tx, userId, now);
  });
  return true;
}

