import { z } from 'zod';
import { UnauthenticatedError, UserInputError, validate } from '@mosaic/kit';
import { requireAccountHolder } from './account-holder';
import type { Context } from '../context';
import { revokeSessions } from '../data/sessions-repo';
import { updatePasswordHash } from '../data/users-repo';
import { hashPassword, passwordProblem } from './credentials';
import { checkPassword } from './login';
import { issueSession, type Session } from './sessions';

const changePasswordInput = z.object({
  currentPassword: z.string().min(1, 'must not be empty').max(1024, 'must be at most 1024 characters'),
  newPassword: z.string(),
});

/**
 * Changes the password and ends every session of the user (all devices are signed out); the
 * caller gets a fresh session, which keeps the second factor the old one had proved. Access tokens already issued stay valid until they expire
 * (at most ACCESS_TOKEN_TTL_SECONDS), as they are verified without a database lookup.
 */
export async function changePassword(ctx: Pick<Context, 'auth' | 'db' | 'loaders' | 'keys' | 'tokenSettings' | 'now' | 'signedIn' | 'client'>, input: unknown): Promise<Session> {
  const viewer = requireAccountHolder(ctx);
  const { currentPassword, newPassword } = validate(changePasswordInput, input);
  const user = await ctx.loaders.userById.load(viewer.userId);
  if (!user) throw new UnauthenticatedError('Your account no longer exists.');
  const problem = passwordProblem(newPassword, user.email);
  if (problem) throw new UserInputError(`input.newPassword: ${problem}.`, 'input.newPassword');
  if (newPassword === currentPassword) throw new UserInputError('input.newPassword: must differ from the current password.', 'input.newPassword');
  await checkPassword(ctx, user.email, currentPassword);
  const passwordHash = await hashPassword(newPassword);
  return ctx.db.transaction(async (tx) => {
    const now = ctx.now();
    await updatePasswordHash(tx, user.id, passwordHash, now);
    await revokeSessions(tx, user.id, now);
    return issueSession(ctx, tx, { ...user, passwordHash, updatedAt: now }, { amr: viewer.amr.includes('pwd') ? [...viewer.amr] : ['pwd', ...viewer.amr] });
  });
}
