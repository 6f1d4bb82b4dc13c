import nodemailer from 'nodemailer';
import type { Mailer } from './mailer';

/** SMTP (smtp:// or smtps:// URL with credentials), pooled connections. */
export function smtpMailer(url: string, from: string): Mailer {
  const transport = nodemailer.createTransport(url, { from });
  return {
    async send(message) {
      await transport.sendMail({ from, to: message.to, subject: message.subject, text: message.text });
    },
    close: () => transport.close(),
  };
}
