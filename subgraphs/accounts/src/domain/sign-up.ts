import { z } from 'zod';
import { AppError, UnauthenticatedError, uuidv7, validate } from '@mosaic/kit';
import type { Context } from '../context';
import { attemptPendingSignUp, insertPendingSignUp, takePendingSignUp } from '../data/email-codes-repo';
import { findUserByEmail } from '../data/users-repo';
import { createAccount } from './new-account';
import { emailCodeMatches, hashEmailCode, newEmailCode, sendInBackground } from './email-codes';
import { issueSession, type Session } from './sessions';
import { reserveMailRequest } from './throttle';
import { hashOpaqueToken, newOpaqueToken } from './tokens';

const SIGN_UP_TTL_MS = 30 * 60_000;
const MAX_CODES_PER_SIGN_UP = 5;

/**
 * The answer to every well-formed `register` under ACCOUNTS_SIGNUP=verify-email, whether the
 * email has an account or not: check your inbox, then `confirmSignUp(verification, code)`.
 */
export class EmailVerificationRequiredError extends AppError {
  readonly code = 'EMAIL_VERIFICATION_REQUIRED';
  constructor(verification: string, expiresAt: Date) {
    super(
      'We sent a code to this address. Enter it with confirmSignUp to finish creating your account.',
      { verification, verificationExpiresAt: expiresAt.toISOString() },
      'EMAIL_VERIFICATION_REQUIRED',
    );
  }
}

export interface SignUpRequest {
  email: string;
  passwordHash: string;
  displayName: string | null;
}

type SignUpContext = Pick<Context, 'db' | 'now' | 'client' | 'mailer' | 'log'>;

/**
 * Both cases do the same work — count the request, look the email up, store a pending sign-up,
 * queue one mail — and give the same answer. A new address gets the code; an address with an
 * account gets "you already have an account" (and its pending row a code nobody was sent).
 */
export async function requestSignUp(ctx: SignUpContext, request: SignUpRequest): Promise<never> {
  await reserveMailRequest(ctx, 'sign-up', request.email);
  const existing = await findUserByEmail(ctx.db, request.email);
  const verification = newOpaqueToken();
  const code = newEmailCode();
  const now = ctx.now();
  const expiresAt = new Date(now.getTime() + SIGN_UP_TTL_MS);
  await insertPendingSignUp(ctx.db, {
    id: uuidv7(),
    tokenHash: hashOpaqueToken(verification),
    email: request.email,
    displayName: request.displayName,
    passwordHash: request.passwordHash,
    codeHash: hashEmailCode(existing ? newEmailCode() : code),
    attempts: 0,
    expiresAt,
    createdAt: now,
  });
  sendInBackground(
    ctx.mailer,
    ctx.log,
    existing
      ? {
          to: request.email,
          subject: 'You already have a Mosaic account',
          text: 'Someone (hopefully you) tried to create a Mosaic account with this address, which already has one.\nSign in instead, or reset your password if you forgot it. If it was not you, ignore this mail.',
        }
      : { to: request.email, subject: `Your Mosaic code: ${code}`, text: `Enter this code to finish creating your Mosaic account: ${code}\nIt works for 30 minutes. If you did not sign up, ignore this mail.` },
  );
  throw new EmailVerificationRequiredError(verification, expiresAt);
}

const confirmInput = z.object({
  verification: z.string().min(1, 'must not be empty').max(256, 'must be the verification from EMAIL_VERIFICATION_REQUIRED'),
  code: z.string().min(1, 'must not be empty').max(32, 'must be the code from the email'),
});

const invalid = () => new UnauthenticatedError('The code is not valid, or this sign-up has expired. Check the email, or register again.');

/** The code from the mail creates the account and signs it in. */
export async function confirmSignUp(ctx: Pick<Context, 'db' | 'loaders' | 'keys' | 'tokenSettings' | 'now' | 'signedIn' | 'client' | 'events'>, input: unknown): Promise<Session> {
  const { verification, code } = validate(confirmInput, input);
  const pending = await attemptPendingSignUp(ctx.db, hashOpaqueToken(verification), MAX_CODES_PER_SIGN_UP, ctx.now());
  if (!pending || !emailCodeMatches(pending.codeHash, code)) throw invalid();
  const session = await ctx.db.transaction(async (tx) => {
    if (!(await takePendingSignUp(tx, pending.id))) throw invalid();
    const now = ctx.now();
    const user = await createAccount(ctx, tx, { email: pending.email, displayName: pending.displayName ?? pending.email.split('@', 1)[0]!.slice(0, 80), passwordHash: pending.passwordHash }, now);
    return issueSession(ctx, tx, user, { amr: ['pwd'] });
  });
  ctx.loaders.userById.prime(session.user.id, session.user);
  return session;
}
