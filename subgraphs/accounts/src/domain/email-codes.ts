import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import type { Logger } from '@mosaic/kit';
import type { Mailer, MailMessage } from '@mosaic/kit';

/** 8 digits: with 5 tries per code and per-email limits on asking for codes, guessing is hopeless. */
export function newEmailCode(): string {
  return String(randomInt(0, 100_000_000)).padStart(8, '0');
}

export const hashEmailCode = (code: string) => createHash('sha256').update(code.replace(/\s/g, '')).digest('hex');

export function emailCodeMatches(storedHash: string, given: string): boolean {
  const a = Buffer.from(storedHash);
  const b = Buffer.from(hashEmailCode(given));
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Sends without making the caller wait: whether a mail goes out (and which one) must not show in
 * the answer's timing. A failed send is logged; the user can ask again.
 */
export function sendInBackground(mailer: Mailer, log: Logger, message: MailMessage): void {
  mailer.send(message).catch((error: unknown) => log.error({ err: error, to: message.to }, 'sending account mail failed'));
}
