import { z } from 'zod';
import { ConflictError, ForbiddenError, UserInputError, uuidv7, validate } from '@mosaic/kit';
import type { Context } from '../../context';
import { findSession, recordSessionAuthentication, revokeSessions } from '../../data/sessions-repo';
import { confirmTotpCredential, deleteTotpCredential, findTotpCredential, putPendingTotpCredential, replaceRecoveryCodes } from '../../data/two-factor-repo';
import { requireAccountHolder } from '../account-holder';
import { checkPassword } from '../login';
import { accessTokenFor } from '../sessions';
import { hashRecoveryCode, newRecoveryCodes } from './recovery-codes';
import { AMR_FOR, checkSecondFactor, codeProblem, totpSecretContext } from './second-factor';
import { newTotpSecret, otpauthUri, qrCodeSvg } from './totp';

type TwoFactorContext = Pick<Context, 'auth' | 'db' | 'loaders' | 'keys' | 'tokenSettings' | 'now' | 'client' | 'fieldCipher' | 'twoFactorIssuer'>;

export interface TotpEnrollment {
  secret: string;
  otpauthUri: string;
  qrCodeSvg: string;
  qrCodeDataUrl: string;
}

const codeInput = z.string().min(1, 'must not be empty').max(64, 'must be a 6-digit code or a recovery code');

async function accountHolder(ctx: TwoFactorContext) {
  const viewer = requireAccountHolder(ctx);
  const user = await ctx.loaders.userById.load(viewer.userId);
  if (!user) throw new ForbiddenError('Your account no longer exists.');
  return { viewer, user };
}

/**
 * Step 1: a new secret for the user's authenticator app, shown as an otpauth URI and a QR code.
 * Nothing changes for sign-in until a first code confirms it; starting again replaces it.
 */
export async function beginTotpEnrollment(ctx: TwoFactorContext): Promise<TotpEnrollment> {
  const { user } = await accountHolder(ctx);
  const secret = newTotpSecret();
  const stored = await putPendingTotpCredential(ctx.db, {
    userId: user.id,
    secretCiphertext: ctx.fieldCipher.encrypt(secret, totpSecretContext(user.id)),
    createdAt: ctx.now(),
  });
  if (!stored) throw new ConflictError('Two-factor authentication is already on. Turn it off first to set up another authenticator.');
  const uri = otpauthUri(secret, user.email, ctx.twoFactorIssuer);
  const svg = await qrCodeSvg(uri);
  return { secret, otpauthUri: uri, qrCodeSvg: svg, qrCodeDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` };
}

export interface TwoFactorEnabled {
  recoveryCodes: string[];
  accessToken: string;
  accessTokenExpiresAt: Date;
}

/**
 * Step 2: the first code from the app turns two-factor on. Returns ten recovery codes (shown only
 * now), ends every other session, and gives this session a token that has proved the second factor.
 */
export async function confirmTotpEnrollment(ctx: TwoFactorContext, code: unknown): Promise<TwoFactorEnabled> {
  const { viewer, user } = await accountHolder(ctx);
  const given = validate(codeInput, code, 'code');
  const credential = await findTotpCredential(ctx.db, user.id);
  if (!credential) throw new UserInputError('code: start with beginTotpEnrollment, then enter the first code your app shows.', 'code');
  if (credential.confirmedAt) throw new ConflictError('Two-factor authentication is already on.');
  const check = await checkSecondFactor(ctx, user.id, given, { allowRecoveryCode: false, confirming: true });
  if (!check.ok) throw new UserInputError(`code: ${codeProblem(check)}`, 'code');
  const recoveryCodes = newRecoveryCodes();
  const now = ctx.now();
  const amr = [...new Set([...viewer.amr, ...AMR_FOR.totp])];
  await ctx.db.transaction(async (tx) => {
    if (!(await confirmTotpCredential(tx, user.id, credential.secretCiphertext, now))) {
      throw new ConflictError('This enrolment was replaced or already confirmed meanwhile. Start again with beginTotpEnrollment.');
    }
    await replaceRecoveryCodes(tx, user.id, recoveryCodes.map(hashRecoveryCode), uuidv7, now);
    await revokeSessions(tx, user.id, now, { except: viewer.sessionId });
    await recordSessionAuthentication(tx, viewer.sessionId, now, amr);
  });
  const access = await accessTokenFor(ctx, ctx.db, user, { id: viewer.sessionId, authTime: now, amr, organizationId: viewer.tenant?.id ?? null });
  return { recoveryCodes, accessToken: access.token, accessTokenExpiresAt: access.expiresAt };
}

/** New recovery codes (the old ones stop working); needs a current code from the app. */
export async function regenerateRecoveryCodes(ctx: TwoFactorContext, code: unknown): Promise<string[]> {
  const { user } = await accountHolder(ctx);
  const given = validate(codeInput, code, 'code');
  const check = await checkSecondFactor(ctx, user.id, given, { allowRecoveryCode: false });
  if (!check.ok) throw new UserInputError(`code: ${codeProblem(check)}`, 'code');
  const codes = newRecoveryCodes();
  await replaceRecoveryCodes(ctx.db, user.id, codes.map(hashRecoveryCode), uuidv7, ctx.now());
  return codes;
}

const disableInput = z.object({
  password: z.string().min(1, 'must not be empty').max(1024, 'must be at most 1024 characters'),
  code: codeInput,
});

/** Turns two-factor off: needs the password and a code (or recovery code); ends every other session. */
export async function disableTwoFactor(ctx: TwoFactorContext, input: unknown): Promise<true> {
  const { viewer, user } = await accountHolder(ctx);
  const { password, code } = validate(disableInput, input);
  await checkPassword(ctx, user.email, password);
  const check = await checkSecondFactor(ctx, user.id, code, { allowRecoveryCode: true });
  if (!check.ok) throw new UserInputError(`input.code: ${codeProblem(check)}`, 'input.code');
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    await deleteTotpCredential(tx, user.id);
    await revokeSessions(tx, user.id, now, { except: viewer.sessionId });
  });
  return true;
}

export interface SteppedUp {
  accessToken: string;
  accessTokenExpiresAt: Date;
}

/**
 * Step-up: a code now → an access token whose `auth_time`/`amr` say a second factor was just
 * proved, for operations that demand one (STEP_UP_REQUIRED). The session remembers it, so tokens
 * refreshed from it keep that (aging) proof.
 */
export async function stepUp(ctx: TwoFactorContext, code: unknown): Promise<SteppedUp> {
  const { viewer, user } = await accountHolder(ctx);
  const given = validate(codeInput, code, 'code');
  const session = await findSession(ctx.db, viewer.sessionId);
  if (!session || session.revokedAt || session.userId !== user.id) throw new ForbiddenError('This session was signed out. Sign in again.');
  const check = await checkSecondFactor(ctx, user.id, given, { allowRecoveryCode: true });
  if (!check.ok && check.reason === 'not-enrolled') {
    throw new ForbiddenError('Turn on two-factor authentication first (beginTotpEnrollment, confirmTotpEnrollment); this operation needs it.');
  }
  if (!check.ok) throw new UserInputError(`code: ${codeProblem(check)}`, 'code');
  const now = ctx.now();
  const firstFactors = session.amr.filter((method) => method === 'pwd' || method === 'fed');
  const amr = [...new Set([...firstFactors, ...AMR_FOR[check.method]])];
  await recordSessionAuthentication(ctx.db, session.id, now, amr);
  const access = await accessTokenFor(ctx, ctx.db, user, { id: session.id, authTime: now, amr, organizationId: session.organizationId });
  return { accessToken: access.token, accessTokenExpiresAt: access.expiresAt };
}
