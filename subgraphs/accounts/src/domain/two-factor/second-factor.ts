import type { Context } from '../../context';
import type { TotpCredentialRow } from '../../data/tables';
import { acceptTotpStep, findTotpCredential, replaceTotpCiphertext, useRecoveryCode } from '../../data/two-factor-repo';
import { codeSucceeded, reserveCodeAttempt } from '../throttle';
import { hashRecoveryCode, isRecoveryCodeShape } from './recovery-codes';
import { isTotpCodeShape, totpStepOf } from './totp';

export type SecondFactorContext = Pick<Context, 'db' | 'now' | 'fieldCipher'>;

/** `amr` values for each kind of code (RFC 8176; a recovery code is a second factor, not an OTP app). */
export const AMR_FOR = { totp: ['otp', 'mfa'], recovery: ['mfa'] } as const;

export type CodeCheck = { ok: true; method: 'totp' | 'recovery' } | { ok: false; reason: 'wrong' | 'replayed' | 'not-enrolled' };

export const totpSecretContext = (userId: string) => `totp:${userId}`;

export function decryptTotpSecret(ctx: Pick<Context, 'fieldCipher'>, credential: TotpCredentialRow): string {
  return ctx.fieldCipher.decrypt(credential.secretCiphertext, totpSecretContext(credential.userId)).toString('utf8');
}

/**
 * Checks a code from the user's authenticator app (6 digits) or one of their recovery codes,
 * under the per-account code limit (RATE_LIMITED past it). A TOTP code is accepted once: its time
 * step must be newer than the last accepted one. A recovery code is marked used.
 */
export async function checkSecondFactor(
  ctx: SecondFactorContext,
  userId: string,
  code: string,
  options: { allowRecoveryCode: boolean; confirming?: boolean },
): Promise<CodeCheck> {
  const credential = await findTotpCredential(ctx.db, userId);
  if (!credential || (!credential.confirmedAt && !options.confirming)) return { ok: false, reason: 'not-enrolled' };
  await reserveCodeAttempt(ctx, userId);
  const trimmed = code.replace(/\s/g, '');
  const now = ctx.now();
  let check: CodeCheck = { ok: false, reason: 'wrong' };
  if (isTotpCodeShape(trimmed)) {
    const step = totpStepOf(decryptTotpSecret(ctx, credential), trimmed, now);
    if (step !== null) {
      const accepted = await acceptTotpStep(ctx.db, userId, step);
      check = accepted ? { ok: true, method: 'totp' } : { ok: false, reason: 'replayed' };
    }
  } else if (options.allowRecoveryCode && isRecoveryCodeShape(trimmed)) {
    if (await useRecoveryCode(ctx.db, userId, hashRecoveryCode(trimmed), now)) check = { ok: true, method: 'recovery' };
  }
  if (check.ok) {
    await codeSucceeded(ctx, userId);
    await moveToActiveKey(ctx, credential);
  }
  return check;
}

/** After ACCOUNTS_FIELD_KEYS gained a new first key, each seed moves to it the next time it is used. */
async function moveToActiveKey(ctx: SecondFactorContext, credential: TotpCredentialRow): Promise<void> {
  const next = ctx.fieldCipher.reencrypt(credential.secretCiphertext, totpSecretContext(credential.userId));
  if (next) await replaceTotpCiphertext(ctx.db, credential.userId, credential.secretCiphertext, next);
}

export function codeProblem(check: Exclude<CodeCheck, { ok: true }>): string {
  switch (check.reason) {
    case 'replayed':
      return 'This code was already used. Wait for the next code in your authenticator app.';
    case 'not-enrolled':
      return 'Two-factor authentication is not turned on for this account.';
    case 'wrong':
      return 'The code is not valid. Enter the 6-digit code your authenticator app shows now, or an unused recovery code.';
  }
}
