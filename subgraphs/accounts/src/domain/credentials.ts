import { hash, verify } from '@node-rs/argon2';
import { z } from 'zod';
import { COMMON_PASSWORDS } from './common-passwords';

/**
 * One spelling per mailbox: trimmed, Unicode-NFKC, lower case. Every lookup goes through this, so
 * "Ada@Example.COM " and "ada@example.com" are the same account (and share one failed-login counter).
 */
export function normalizeEmail(email: string): string {
  return email.normalize('NFKC').trim().toLowerCase();
}

export const emailSchema = z
  .string()
  .max(254, 'must be at most 254 characters')
  .transform(normalizeEmail)
  .pipe(z.email('is not a valid email address'));

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;

/**
 * NIST SP 800-63B style: length over composition rules; reject passwords that are common or built
 * from the email name. Length is counted in code points, so emoji passwords are not penalised.
 */
export function passwordProblem(password: string, email: string): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN) return `must be at least ${PASSWORD_MIN} characters`;
  if (length > PASSWORD_MAX) return `must be at most ${PASSWORD_MAX} characters`;
  const lowered = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lowered)) return 'is one of the most commonly used passwords; choose another';
  const name = normalizeEmail(email).split('@', 1)[0] ?? '';
  if (name.length >= 4 && lowered.includes(name)) return 'must not contain your email name';
  if (/^(.)\1+$/u.test(password)) return 'must not be one repeated character';
  return null;
}

/**
 * Argon2id with OWASP's minimum profile (19 MiB, t=2, p=1); @node-rs/argon2 defaults to argon2id.
 * Hashing runs on libuv's thread pool, off the event loop.
 */
const ARGON2_OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => hash(password, ARGON2_OPTIONS);
export const verifyPassword = (passwordHash: string, password: string) => verify(passwordHash, password).catch(() => false);

/** Verified against when the email is unknown, so both cases take the same time. */
let dummyHash: Promise<string> | undefined;
export const burnPasswordCheck = async (password: string) => verifyPassword(await (dummyHash ??= hashPassword('mosaic-timing-equaliser')), password);
