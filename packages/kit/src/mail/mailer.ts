/**
 * Sending mail (accounts' sign-up codes and password resets, tenancy's invitations). One
 * interface; the real client speaks SMTP through nodemailer (SMTP_URL); the offline default writes
 * each message to the service log, so a developer without a mail server reads it in the console.
 */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
  close(): void;
}

