import type { Logger } from '../logger';
import type { Mailer } from './mailer';

/** The offline default: no mail leaves the machine; each message is logged (warn) for the developer. */
export function logMailer(log: Logger): Mailer {
  return {
    async send(message) {
      log.warn({ to: message.to, subject: message.subject }, `DEV MAIL (no SMTP_URL set) to ${message.to}: ${message.subject}\n${message.text}`);
    },
    close: () => {},
  };
}
