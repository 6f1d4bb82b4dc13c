import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { decodeJwt } from 'jose';
import { errorCodes } from '@mosaic/testing';
import { createFieldCipher, generateFieldKey, parseFieldKeys } from '@mosaic/kit';
import { recoveryCodes, totpCredentials } from '../src/data/tables';
import { checkSecondFactor } from '../src/domain/two-factor/second-factor';
import { totpCodeAt } from '../src/index';
import { LOGIN, REFRESH, REGISTER, startAccounts } from './harness';

let app: Awaited<ReturnType<typeof startAccounts>>;
beforeAll(async () => {
  app = await startAccounts();
});
afterAll(() => app.close());

const password = 'velvet-otter-lantern';
let n = 0;
const freshEmail = () => `twofactor${++n}.${Date.now()}@example.com`;
const STEP = 30_000;

const BEGIN = `mutation { beginTotpEnrollment { secret otpauthUri qrCodeSvg qrCodeDataUrl } }`;
const CONFIRM = `mutation($code: String!) { confirmTotpEnrollment(code: $code) { recoveryCodes accessToken } }`;
const COMPLETE = `mutation($input: CompleteLoginInput!) { completeLogin(input: $input) { accessToken refreshToken } }`;
const STATUS = `{ me { twoFactor { enabled enabledAt recoveryCodesRemaining } } }`;
const STEP_UP = `mutation($code: String!) { stepUp(code: $code) { accessToken accessTokenExpiresAt } }`;
const DISABLE = `mutation($input: DisableTwoFactorInput!) { disableTwoFactor(input: $input) }`;
const REGENERATE = `mutation($code: String!) { regenerateRecoveryCodes(code: $code) }`;

/** TOTP codes are computed for the same moved instant as accounts' clock. */
const at = <T>(offsetMs: number, run: () => Promise<T>) => app.at(offsetMs, run);
const codeAt = (secret: string, offsetMs: number) => totpCodeAt(secret, new Date(Date.now() + offsetMs));

/** A user with two-factor on: returns the secret, recovery codes and the signed-in session. */
async function enrolledUser() {
  const email = freshEmail();
  const session = (await app.call(REGISTER, { input: { email, password } })).data!.register;
  const { secret } = (await app.call(BEGIN, {}, session.accessToken)).data!.beginTotpEnrollment;
  const confirmed = await app.call(CONFIRM, { code: totpCodeAt(secret, new Date()) }, session.accessToken);
  expect(confirmed.errors).toBeUndefined();
  return { email, secret, session, recovery: confirmed.data!.confirmTotpEnrollment.recoveryCodes as string[], token: confirmed.data!.confirmTotpEnrollment.accessToken as string };
}

async function challengeFor(email: string, offsetMs = 0): Promise<string> {
  const result = await at(offsetMs, () => app.call(LOGIN, { input: { email, password } }));
  expect(errorCodes(result)).toEqual(['SECOND_FACTOR_REQUIRED']);
  return result.errors![0]!.extensions!.challenge as string;
}

describe('TOTP enrolment', () => {
  it('shows the secret as an otpauth URI and a QR code, stores it encrypted, and changes nothing until confirmed', async () => {
    const email = freshEmail();
    const { accessToken } = (await app.call(REGISTER, { input: { email, password } })).data!.register;
    const { secret, otpauthUri, qrCodeSvg, qrCodeDataUrl } = (await app.call(BEGIN, {}, accessToken)).data!.beginTotpEnrollment;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(otpauthUri).toMatch(new RegExp(`^otpauth://totp/Mosaic%20Test:${encodeURIComponent(email)}\\?issuer=Mosaic%20Test&secret=${secret}&algorithm=SHA1&digits=6&period=30$`));
    expect(qrCodeSvg).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(Buffer.from(qrCodeDataUrl.replace('data:image/svg+xml;base64,', ''), 'base64').toString()).toBe(qrCodeSvg);

    const [row] = await app.database.db().select().from(totpCredentials);
    expect(row!.secretCiphertext.startsWith('v1.test.')).toBe(true);
    expect(row!.secretCiphertext).not.toContain(secret);
    expect(row!.confirmedAt).toBeNull();
    // Not confirmed yet: sign-in is unchanged.
    expect((await app.call(LOGIN, { input: { email, password } })).errors).toBeUndefined();
    expect((await app.call(STATUS, {}, accessToken)).data!.me.twoFactor).toEqual({ enabled: false, enabledAt: null, recoveryCodesRemaining: 0 });
  });

  it('is confirmed by a first code: ten recovery codes, other sessions ended, this one keeps a second-factor token', async () => {
    const email = freshEmail();
    const first = (await app.call(REGISTER, { input: { email, password } })).data!.register;
    const other = (await app.call(LOGIN, { input: { email, password } })).data!.login;
    const { secret } = (await app.call(BEGIN, {}, first.accessToken)).data!.beginTotpEnrollment;

    const wrong = await app.call(CONFIRM, { code: '000000' }, first.accessToken);
    expect(errorCodes(wrong)).toEqual(['BAD_USER_INPUT']);
    expect(wrong.errors![0]!.extensions!.field).toBe('code');

    const confirmed = (await app.call(CONFIRM, { code: totpCodeAt(secret, new Date()) }, first.accessToken)).data!.confirmTotpEnrollment;
    expect(confirmed.recoveryCodes).toHaveLength(10);
    expect(new Set(confirmed.recoveryCodes).size).toBe(10);
    for (const code of confirmed.recoveryCodes) expect(code).toMatch(/^[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}$/);
    const claims = decodeJwt(confirmed.accessToken);
    expect(claims.amr).toEqual(['pwd', 'otp', 'mfa']);
    expect(Math.abs((claims.auth_time as number) - Date.now() / 1000)).toBeLessThan(5);

    expect(errorCodes(await app.call(REFRESH, { t: other.refreshToken }))).toEqual(['UNAUTHENTICATED']);
    expect((await app.call(REFRESH, { t: first.refreshToken })).errors).toBeUndefined();
    const status = (await app.call(STATUS, {}, confirmed.accessToken)).data!.me.twoFactor;
    expect(status).toMatchObject({ enabled: true, recoveryCodesRemaining: 10 });
    // Recovery codes are stored hashed.
    const stored = await app.database.db().select({ hash: recoveryCodes.codeHash }).from(recoveryCodes);
    expect(stored.some((r) => confirmed.recoveryCodes.includes(r.hash))).toBe(false);
    expect(errorCodes(await app.call(BEGIN, {}, confirmed.accessToken))).toEqual(['CONFLICT']);
  });
});

describe('sign-in with two-factor', () => {
  it('is two steps: password → challenge → code → session whose tokens say how the user signed in', async () => {
    const { email, secret } = await enrolledUser();
    const challenge = await challengeFor(email, STEP);
    const done = await at(STEP, () => app.call(COMPLETE, { input: { challenge, code: codeAt(secret, STEP) } }));
    expect(done.errors).toBeUndefined();
    expect(decodeJwt(done.data!.completeLogin.accessToken).amr).toEqual(['pwd', 'otp', 'mfa']);
    // The challenge is single-use.
    expect(errorCodes(await at(2 * STEP, () => app.call(COMPLETE, { input: { challenge, code: codeAt(secret, 2 * STEP) } })))).toEqual(['UNAUTHENTICATED']);
    // Refreshing keeps the recorded authentication.
    const refreshed = (await app.call(REFRESH, { t: done.data!.completeLogin.refreshToken })).data!.refreshSession;
    expect(decodeJwt(refreshed.accessToken)).toMatchObject({ amr: ['pwd', 'otp', 'mfa'], auth_time: decodeJwt(done.data!.completeLogin.accessToken).auth_time });
  });

  it('refuses a wrong code, a replayed code, and a code from outside ±1 step; accepts one step of drift', async () => {
    const { email, secret } = await enrolledUser();
    const challenge = await challengeFor(email);
    const complete = (code: string, offsetMs: number) => at(offsetMs, () => app.call(COMPLETE, { input: { challenge, code } }));
    const wrong = await complete('123456', 0);
    expect(errorCodes(wrong)).toEqual(['UNAUTHENTICATED']);
    // The code that confirmed the enrolment (this step) cannot be used again.
    const replayed = await complete(codeAt(secret, 0), 0);
    expect(errorCodes(replayed)).toEqual(['UNAUTHENTICATED']);
    expect(replayed.errors![0]!.message).toMatch(/already used/);
    // Two steps old: refused. One step old (clock drift): accepted.
    expect(errorCodes(await complete(codeAt(secret, 2 * STEP), 4 * STEP))).toEqual(['UNAUTHENTICATED']);
    expect((await complete(codeAt(secret, 3 * STEP), 4 * STEP)).errors).toBeUndefined();
  });

  it('accepts each recovery code once', async () => {
    const { email, recovery, token } = await enrolledUser();
    const first = await app.call(COMPLETE, { input: { challenge: await challengeFor(email), code: recovery[0]!.toLowerCase() } });
    expect(first.errors).toBeUndefined();
    expect(decodeJwt(first.data!.completeLogin.accessToken).amr).toEqual(['pwd', 'mfa']);
    const again = await app.call(COMPLETE, { input: { challenge: await challengeFor(email), code: recovery[0]! } });
    expect(errorCodes(again)).toEqual(['UNAUTHENTICATED']);
    expect((await app.call(STATUS, {}, token)).data!.me.twoFactor.recoveryCodesRemaining).toBe(9);
  });

  it('limits codes per account: after 5 wrong codes even the right one is RATE_LIMITED, for any challenge', async () => {
    const { email, secret } = await enrolledUser();
    const challenge = await challengeFor(email, STEP);
    for (let i = 0; i < 5; i++) expect(errorCodes(await at(STEP, () => app.call(COMPLETE, { input: { challenge, code: '999999' } })))).toEqual(['UNAUTHENTICATED']);
    const fresh = await challengeFor(email, STEP);
    const limited = await at(STEP, () => app.call(COMPLETE, { input: { challenge: fresh, code: codeAt(secret, STEP) } }));
    expect(errorCodes(limited)).toEqual(['RATE_LIMITED']);
    expect(limited.errors![0]!.extensions!.retryAfterSeconds).toBeGreaterThan(200);
  });

  it('lets a challenge expire after 5 minutes, and refuses garbage with BAD_USER_INPUT', async () => {
    const { email, secret } = await enrolledUser();
    const challenge = await challengeFor(email);
    const late = await at(6 * 60_000, () => app.call(COMPLETE, { input: { challenge, code: codeAt(secret, 6 * 60_000) } }));
    expect(errorCodes(late)).toEqual(['UNAUTHENTICATED']);
    expect(late.errors![0]!.message).toMatch(/expired/);
    expect(errorCodes(await app.call(COMPLETE, { input: { challenge: 'x'.repeat(300), code: '123456' } }))).toEqual(['BAD_USER_INPUT']);
  });
});

describe('step-up, recovery codes and turning two-factor off', () => {
  it('stepUp turns a code into a fresh token with auth_time now; wrong codes and users without 2FA are refused', async () => {
    const { secret, token } = await enrolledUser();
    const later = 10 * 60_000;
    const stepped = await at(later, () => app.call(STEP_UP, { code: codeAt(secret, later) }, token));
    expect(stepped.errors).toBeUndefined();
    const claims = decodeJwt(stepped.data!.stepUp.accessToken);
    expect(claims.amr).toEqual(['pwd', 'otp', 'mfa']);
    expect(Math.abs((claims.auth_time as number) - (Date.now() + later) / 1000)).toBeLessThan(5);
    expect(errorCodes(await app.call(STEP_UP, { code: '111111' }, token))).toEqual(['BAD_USER_INPUT']);

    const plain = (await app.call(REGISTER, { input: { email: freshEmail(), password } })).data!.register;
    expect(errorCodes(await app.call(STEP_UP, { code: '123456' }, plain.accessToken))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await app.call(STEP_UP, { code: '123456' }))).toEqual(['UNAUTHENTICATED']);
  });

  it('regenerates recovery codes with a current code: the old ones stop working', async () => {
    const { email, secret, token, recovery } = await enrolledUser();
    const fresh = (await at(STEP, () => app.call(REGENERATE, { code: codeAt(secret, STEP) }, token))).data!.regenerateRecoveryCodes as string[];
    expect(fresh).toHaveLength(10);
    expect(errorCodes(await app.call(COMPLETE, { input: { challenge: await challengeFor(email), code: recovery[1]! } }))).toEqual(['UNAUTHENTICATED']);
    expect((await app.call(COMPLETE, { input: { challenge: await challengeFor(email), code: fresh[0]! } })).errors).toBeUndefined();
  });

  it('is turned off with the password and a code; other sessions end; sign-in is one step again', async () => {
    const { email, secret, token } = await enrolledUser();
    const other = (await at(STEP, async () => app.call(COMPLETE, { input: { challenge: await challengeFor(email, STEP), code: codeAt(secret, STEP) } }))).data!.completeLogin;
    expect(errorCodes(await app.call(DISABLE, { input: { password: 'not-my-password', code: codeAt(secret, 2 * STEP) } }, token))).toEqual(['UNAUTHENTICATED']);
    const disabled = await at(2 * STEP, () => app.call(DISABLE, { input: { password, code: codeAt(secret, 2 * STEP) } }, token));
    expect(disabled.data).toEqual({ disableTwoFactor: true });
    expect(errorCodes(await app.call(REFRESH, { t: other.refreshToken }))).toEqual(['UNAUTHENTICATED']);
    expect((await app.call(LOGIN, { input: { email, password } })).errors).toBeUndefined();
    const userId = decodeJwt(token).sub!;
    expect(await app.database.db().select().from(totpCredentials).where(eq(totpCredentials.userId, userId))).toEqual([]);
    expect(await app.database.db().select().from(recoveryCodes).where(eq(recoveryCodes.userId, userId))).toEqual([]);
  });
});

describe('field key rotation', () => {
  it('moves a seed to the new first key the next time a code is checked; the old key is then no longer needed', async () => {
    const { secret, token } = await enrolledUser();
    const userId = decodeJwt(token).sub!;
    const next = parseFieldKeys(JSON.stringify([generateFieldKey('next')]), 'test');
    const rotated = createFieldCipher([...next, ...parseFieldKeys(app.fieldKeys, 'test')]);
    const db = app.database.db();
    const check = await checkSecondFactor({ db, now: () => new Date(Date.now() + STEP), fieldCipher: rotated }, userId, codeAt(secret, STEP), { allowRecoveryCode: false });
    expect(check).toEqual({ ok: true, method: 'totp' });
    const [row] = await db.select().from(totpCredentials).where(eq(totpCredentials.userId, userId));
    expect(rotated.keyIdOf(row!.secretCiphertext)).toBe('next');
    expect(createFieldCipher(next).decrypt(row!.secretCiphertext, `totp:${userId}`).toString()).toBe(secret);
  });
});
