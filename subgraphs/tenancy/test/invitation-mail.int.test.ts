import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import { freePort } from '@mosaic/testing';
import { ACCEPT, INVITE, startTenancy, type TenancyApp } from './harness';

/**
 * Invitations are mailed over real SMTP (kit's nodemailer mailer, the one accounts sends its codes
 * with) to a local SMTP server; the mail's link carries the token, which accepts the invitation.
 */
interface Mail {
  to: string;
  raw: string;
}
const inbox: Mail[] = [];
let smtp: SMTPServer;
let app: TenancyApp;
const ACCEPT_URL = 'https://mosaic.example/app/invitations/accept';

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
  app = await startTenancy({ SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: 'Mosaic <no-reply@mosaic.test>', TENANCY_INVITATION_URL: ACCEPT_URL });
});
afterAll(async () => {
  await app?.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

/** The body as written, undoing quoted-printable (soft line breaks, =XX escapes). */
const decoded = (raw: string) => raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

describe('invitation mail', () => {
  it('mails the invitee a link carrying the token; the token from the mail accepts the invitation', async () => {
    const owner = await app.auth.newUser();
    const invitee = await app.auth.newUser();
    const organizationId = await app.create(owner.token, 'Mailing Team');
    const email = `invitee.${Date.now()}@example.com`;
    const invited = await app.call(INVITE, { input: { organizationId, email, role: 'ADMIN' } }, owner.token);
    expect(invited.errors).toBeUndefined();

    await expect.poll(() => inbox.filter((mail) => mail.to === email).length, { timeout: 10_000, interval: 20 }).toBe(1);
    const mail = decoded(inbox.find((m) => m.to === email)!.raw);
    expect(mail).toMatch(/^Subject: You are invited to Mailing Team on Mosaic/m);
    expect(mail).toMatch(/^From: Mosaic <no-reply@mosaic\.test>/m);
    expect(mail).toContain('as admin');
    const link = new URL(/(https:\/\/mosaic\.example\/app\/invitations\/accept\?token=\S+)/.exec(mail)![1]!);
    const token = link.searchParams.get('token')!;
    expect(token).toBe(invited.data!.inviteMember.token);

    const accepted = await app.call(ACCEPT, { token }, invitee.token);
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data!.acceptInvitation.role).toBe('ADMIN');
  });
});
