import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import { freePort } from '@mosaic/kit';
import { errorCodes, StatementCounter } from '@mosaic/testing';
import { LOGIN, REFRESH, REGISTER, startAccounts } from './harness';

/**
 * Sign-up that confirms the email and password reset, answering alike for emails with and without
 * an account (issue 10 item 6), with mail sent over real SMTP to a local server.
 */
interface Mail {
  to: string;
  raw: string;
}
const inbox: Mail[] = [];
let smtp: SMTPServer;
const counter = new StatementCounter();
let app: Awaited<ReturnType<typeof startAccounts>>;

beforeAll(async () => {
  const port = await freePort();
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        for (const to of session.envelope.rcptTo) inbox.push({ to: to.address, raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(port, '127.0.0.1', resolve));
  app = await startAccounts({ onQuery: counter.observe, env: { ACCOUNTS_SIGNUP: 'verify-email', SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: 'Mosaic <no-reply@mosaic.test>' } });
});
afterAll(async () => {
  await app?.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

const password = 'velvet-otter-lantern';
let n = 0;
const freshEmail = () => `signup${++n}.${Date.now()}@example.com`;
const CONFIRM = `mutation($input: ConfirmSignUpInput!) { confirmSignUp(input: $input) { accessToken refreshToken user { email } } }`;
const REQUEST_RESET = `mutation($email: String!) { requestPasswordReset(email: $email) }`;
const RESET = `mutation($input: ResetPasswordInput!) { resetPassword(input: $input) }`;

const mailTo = async (to: string, count = 1) => {
  await expect.poll(() => inbox.filter((m) => m.to === to).length, { timeout: 5000 }).toBeGreaterThanOrEqual(count);
  return inbox.filter((m) => m.to === to).at(-1)!;
};
const codeIn = (mail: Mail) => /\b(\d{8})\b/.exec(mail.raw)?.[1];

/** An account created through the whole verified flow. */
async function confirmedAccount() {
  const email = freshEmail();
  const registered = await app.call(REGISTER, { input: { email, password } });
  const code = codeIn(await mailTo(email))!;
  const confirmed = await app.call(CONFIRM, { input: { verification: registered.errors![0]!.extensions!.verification, code } });
  expect(confirmed.errors).toBeUndefined();
  return { email, session: confirmed.data!.confirmSignUp };
}

describe('sign-up that confirms the email', () => {
  it('mails a code; the code creates the account and signs it in', async () => {
    const email = freshEmail();
    const registered = await app.call(REGISTER, { input: { email, password, displayName: 'Ada' } });
    expect(errorCodes(registered)).toEqual(['EMAIL_VERIFICATION_REQUIRED']);
    expect(registered.errors![0]!.extensions!.verification).toMatch(/^[\w-]{43}$/);
    // No account yet: signing in fails like for any unknown email.
    expect(errorCodes(await app.call(LOGIN, { input: { email, password } }))).toEqual(['UNAUTHENTICATED']);
    const mail = await mailTo(email);
    expect(mail.raw).toMatch(/Subject: Your Mosaic code: \d{8}/);
    const verification = registered.errors![0]!.extensions!.verification;
    expect(errorCodes(await app.call(CONFIRM, { input: { verification, code: '00000000' } }))).toEqual(['UNAUTHENTICATED']);
    const confirmed = await app.call(CONFIRM, { input: { verification, code: codeIn(mail) } });
    expect(confirmed.data!.confirmSignUp.user).toEqual({ email });
    expect(errorCodes(await app.call(CONFIRM, { input: { verification, code: codeIn(mail) } }))).toEqual(['UNAUTHENTICATED']);
    expect((await app.call(LOGIN, { input: { email, password } })).errors).toBeUndefined();
  });

  it('answers an email that has an account exactly like a new one: same code, message and SQL statements', async () => {
    const { email: taken } = await confirmedAccount();
    const attempt = async (email: string) => {
      counter.reset();
      const result = await app.call(REGISTER, { input: { email, password: 'another-long-passphrase' } }, undefined, { 'x-mosaic-client-ip': `203.0.113.${++n}` });
      return { result, statements: counter.statements.map((s) => s.replace(/\$\d+/g, '?')) };
    };
    const known = await attempt(taken);
    const unknown = await attempt(freshEmail());
    expect(errorCodes(known.result)).toEqual(['EMAIL_VERIFICATION_REQUIRED']);
    expect(errorCodes(unknown.result)).toEqual(['EMAIL_VERIFICATION_REQUIRED']);
    expect(known.result.errors![0]!.message).toBe(unknown.result.errors![0]!.message);
    expect(Object.keys(known.result.errors![0]!.extensions!).sort()).toEqual(Object.keys(unknown.result.errors![0]!.extensions!).sort());
    expect(known.statements).toEqual(unknown.statements);
    // The owner is told; no code exists that would confirm the taken address.
    const notice = await mailTo(taken, 2);
    expect(notice.raw).toMatch(/already has one/);
    expect(codeIn(notice)).toBeUndefined();
    expect(errorCodes(await app.call(CONFIRM, { input: { verification: known.result.errors![0]!.extensions!.verification, code: '12345678' } }))).toEqual(['UNAUTHENTICATED']);
  });

  it('allows 5 codes per sign-up: after that even the right code is refused', async () => {
    const email = freshEmail();
    const verification = (await app.call(REGISTER, { input: { email, password } })).errors![0]!.extensions!.verification;
    const code = codeIn(await mailTo(email))!;
    for (let i = 0; i < 5; i++) await app.call(CONFIRM, { input: { verification, code: '11111111' } });
    expect(errorCodes(await app.call(CONFIRM, { input: { verification, code } }))).toEqual(['UNAUTHENTICATED']);
  });

  it('still refuses bad input with BAD_USER_INPUT before anything is mailed', async () => {
    const email = freshEmail();
    const result = await app.call(REGISTER, { input: { email, password: 'short' } });
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(inbox.some((m) => m.to === email)).toBe(false);
  });
});

describe('password reset', () => {
  it('answers true for every email, mails a code only to an account, and the code sets a new password and signs every session out', async () => {
    const { email, session } = await confirmedAccount();
    const unknownEmail = freshEmail();
    const request = async (address: string) => {
      counter.reset();
      const result = await app.call(REQUEST_RESET, { email: address }, undefined, { 'x-mosaic-client-ip': `198.18.0.${++n}` });
      return { data: result.data, statements: counter.statements.map((s) => s.replace(/\$\d+/g, '?')) };
    };
    const known = await request(email);
    const unknown = await request(unknownEmail);
    expect(known.data).toEqual({ requestPasswordReset: true });
    expect(unknown.data).toEqual({ requestPasswordReset: true });
    expect(known.statements).toEqual(unknown.statements);

    const code = codeIn(await mailTo(email, 2))!;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(inbox.some((m) => m.to === unknownEmail)).toBe(false);

    const wrong = await app.call(RESET, { input: { email, code: '00000000', newPassword: 'brand-new-passphrase' } });
    const forUnknown = await app.call(RESET, { input: { email: unknownEmail, code: '00000000', newPassword: 'brand-new-passphrase' } });
    expect(errorCodes(wrong)).toEqual(['UNAUTHENTICATED']);
    expect(forUnknown.errors![0]!.message).toBe(wrong.errors![0]!.message);

    expect((await app.call(RESET, { input: { email, code, newPassword: 'brand-new-passphrase' } })).data).toEqual({ resetPassword: true });
    expect(errorCodes(await app.call(REFRESH, { t: session.refreshToken }))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await app.call(LOGIN, { input: { email, password } }))).toEqual(['UNAUTHENTICATED']);
    expect((await app.call(LOGIN, { input: { email, password: 'brand-new-passphrase' } })).errors).toBeUndefined();
    expect(errorCodes(await app.call(RESET, { input: { email, code, newPassword: 'yet-another-passphrase' } }))).toEqual(['UNAUTHENTICATED']);
  });

  it('limits how often one address can be mailed, for known and unknown emails alike', async () => {
    const { email } = await confirmedAccount();
    const unknownEmail = freshEmail();
    for (const address of [email, unknownEmail]) {
      const codes = [];
      for (let i = 0; i < 4; i++) codes.push(errorCodes(await app.call(REQUEST_RESET, { email: address }, undefined, { 'x-mosaic-client-ip': `198.19.${n}.${i}` }))[0] ?? 'ok');
      expect(codes).toEqual(['ok', 'ok', 'ok', 'RATE_LIMITED']);
    }
  });
});
