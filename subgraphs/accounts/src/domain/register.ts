import { z } from 'zod';
import { UserInputError, validate } from '@mosaic/kit';
import type { Context } from '../context';
import { emailSchema, hashPassword, passwordProblem } from './credentials';
import { createAccount } from './new-account';
import { displayNameSchema } from './profile';
import { issueSession, type Session } from './sessions';
import { requestSignUp } from './sign-up';

const registerInput = z.object({
  email: emailSchema,
  password: z.string(),
  displayName: displayNameSchema.nullish(),
});

/**
 * ACCOUNTS_SIGNUP=instant: creates the account and signs it in (CONFLICT when the email is taken).
 * verify-email: mails a code and answers EMAIL_VERIFICATION_REQUIRED for every email alike.
 */
export async function register(ctx: Pick<Context, 'db' | 'loaders' | 'keys' | 'tokenSettings' | 'now' | 'signedIn' | 'client' | 'signUpMode' | 'mailer' | 'log' | 'events'>, input: unknown): Promise<Session> {
  const { email, password, displayName } = validate(registerInput, input);
  const problem = passwordProblem(password, email);
  if (problem) throw new UserInputError(`input.password: ${problem}.`, 'input.password');
  const passwordHash = await hashPassword(password);
  if (ctx.signUpMode === 'verify-email') return requestSignUp(ctx, { email, passwordHash, displayName: displayName ?? null });
  const now = ctx.now();
  const session = await ctx.db.transaction(async (tx) => {
    const user = await createAccount(ctx, tx, { email, displayName: displayName ?? email.split('@', 1)[0]!.slice(0, 80), passwordHash }, now);
    return issueSession(ctx, tx, user, { amr: ['pwd'] });
  });
  ctx.loaders.userById.prime(session.user.id, session.user);
  return session;
}
